package dev.ovid.web.ui.errors;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.HttpStatusCode;
import dev.ovid.web.security.CurrentUser;
import dev.ovid.web.ui.MainLayout;
import dev.ovid.web.ui.home.HomeView;

/**
 * What a logged-in user sees on a page their roles do not open (e.g. a product owner at /audit):
 * the page's name, who they are, and the way back, inside the usual frame. HTTP status 403.
 */
@ParentLayout(MainLayout.class)
public class NotAllowedView extends VerticalLayout
    implements HasErrorParameter<AccessDeniedException> {

  @Override
  public int setErrorParameter(
      BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
    removeAll();
    setId("not-allowed");
    var icon = VaadinIcon.LOCK.create();
    icon.setSize("3em");
    icon.getStyle().set("color", "var(--lumo-error-color)");
    String path = "/" + event.getLocation().getPath();
    Paragraph why =
        new Paragraph(
            "You are logged in as "
                + CurrentUser.name()
                + ", and your role does not open "
                + path
                + ". Ask an administrator for the role if you need this page.");
    why.setId("not-allowed-reason");
    RouterLink home = new RouterLink("Go to the home page", HomeView.class);
    home.setId("not-allowed-home");
    add(icon, new H2("Not allowed"), why, home);
    setAlignItems(Alignment.CENTER);
    setPadding(true);
    return HttpStatusCode.FORBIDDEN.getCode();
  }
}
