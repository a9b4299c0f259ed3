package dev.ovid.web.ui;

import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;

/**
 * The header's account menu on small screens (class {@code ovid-narrow-only}): a person icon that
 * opens the user's name and "Log out".
 */
final class AccountMenu {
  private AccountMenu() {}

  static MenuBar of(String userName, Runnable logOut) {
    MenuBar bar = new MenuBar();
    bar.setId("account-menu");
    bar.addClassName("ovid-narrow-only");
    bar.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE, MenuBarVariant.LUMO_ICON);
    MenuItem root = bar.addItem(VaadinIcon.USER.create());
    root.setAriaLabel("Account");
    root.getElement().setAttribute("title", userName);
    SubMenu menu = root.getSubMenu();
    MenuItem name = menu.addItem(new Span("Signed in as " + userName));
    name.setEnabled(false);
    name.setId("account-menu-user");
    MenuItem out = menu.addItem("Log out", e -> logOut.run());
    out.setId("account-menu-logout");
    return bar;
  }
}
