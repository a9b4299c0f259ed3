package dev.ovid.web.ui.users;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.ovid.registry.common.OvidException;
import dev.ovid.registry.user.OvidUser;
import dev.ovid.registry.user.UserRoles;
import dev.ovid.registry.user.UserService;
import dev.ovid.web.security.CurrentUser;
import dev.ovid.web.security.DatabaseIdentityProvider;
import dev.ovid.web.security.Roles;
import dev.ovid.web.ui.MainLayout;
import dev.ovid.web.ui.Notifications;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

/**
 * Admin page: users, their roles and whether they may log in; create users, set passwords and
 * roles, disable and enable. Every change is audited by {@link UserService}.
 */
@Route(value = "users", layout = MainLayout.class)
@PageTitle("Users | Ovid")
@RolesAllowed(Roles.ADMIN)
public class UsersView extends VerticalLayout {
  private final UserService users;
  private final DatabaseIdentityProvider logins;
  private final Grid<OvidUser> grid = new Grid<>(OvidUser.class, false);

  @Inject
  public UsersView(UserService users, DatabaseIdentityProvider logins) {
    this.users = users;
    this.logins = logins;
    setSizeFull();
    grid.setId("users-grid");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
    grid.addColumn(u -> u.username).setHeader("User").setAutoWidth(true);
    grid.addColumn(u -> String.join(", ", u.roleSet())).setHeader("Roles").setAutoWidth(true);
    grid.addColumn(u -> u.enabled ? "enabled" : "disabled").setHeader("Status");
    grid.setSizeFull();

    TextField name = new TextField("User name");
    name.setId("user-name");
    PasswordField password = new PasswordField("Password (at least 8 characters)");
    password.setId("user-password");
    CheckboxGroup<String> roles = new CheckboxGroup<>("Roles");
    roles.setId("user-roles");
    roles.setItems(UserRoles.ALL);
    Button create =
        new Button(
            "Create",
            e ->
                act(
                    () ->
                        users.create(name.getValue(), password.getValue(), roles.getValue(), me()),
                    "user " + name.getValue() + " created"));
    create.setId("user-create-button");
    Button setPassword =
        new Button(
            "Set password",
            e ->
                act(
                    () -> users.setPassword(name.getValue(), password.getValue(), me()),
                    "password of " + name.getValue() + " changed"));
    setPassword.setId("user-password-button");
    Button setRoles =
        new Button(
            "Set roles",
            e ->
                act(
                    () -> users.setRoles(name.getValue(), roles.getValue(), me()),
                    "roles of " + name.getValue() + " changed"));
    setRoles.setId("user-roles-button");
    Button disable =
        new Button(
            "Disable",
            e ->
                act(
                    () -> {
                      if (name.getValue().equals(me())) {
                        throw new dev.ovid.registry.common.ValidationException(
                            "you cannot disable yourself");
                      }
                      users.setEnabled(name.getValue(), false, me());
                    },
                    name.getValue() + " disabled"));
    disable.setId("user-disable-button");
    Button enable =
        new Button(
            "Enable",
            e ->
                act(
                    () -> users.setEnabled(name.getValue(), true, me()),
                    name.getValue() + " enabled"));
    enable.setId("user-enable-button");
    grid.asSingleSelect()
        .addValueChangeListener(
            e -> {
              if (e.getValue() != null) {
                name.setValue(e.getValue().username);
                roles.setValue(e.getValue().roleSet());
              }
            });
    HorizontalLayout form = new HorizontalLayout(name, password, roles);
    form.setAlignItems(Alignment.BASELINE);
    add(
        new H2("Users"),
        form,
        new HorizontalLayout(create, setPassword, setRoles, disable, enable),
        grid);
    refresh();
  }

  private void act(Runnable change, String done) {
    try {
      change.run();
      Notifications.success(done);
    } catch (OvidException e) {
      Notifications.error(e.getMessage());
    }
    // A changed password, role or status applies at the user's next request.
    users.list().forEach(u -> logins.forget(u.username));
    refresh();
  }

  private void refresh() {
    grid.setItems(users.list());
  }

  private static String me() {
    return CurrentUser.name();
  }
}
