package dev.ovid.web.security;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import dev.ovid.web.ui.LoginView;
import jakarta.enterprise.event.Observes;

/**
 * Turns on Vaadin's view access control: every view must carry {@code @AnonymousAllowed},
 * {@code @PermitAll} or {@code @RolesAllowed}, and a visitor who is not logged in is sent to the
 * login view. The user and roles come from the servlet request, which Quarkus' form login fills
 * from its session cookie.
 */
public class NavigationAccessSetup {

  void onServiceInit(@Observes ServiceInitEvent event) {
    NavigationAccessControl accessControl = new NavigationAccessControl();
    accessControl.setLoginView(LoginView.class);
    event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(accessControl));
  }
}
