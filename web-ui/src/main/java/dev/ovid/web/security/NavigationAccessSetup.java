package dev.ovid.web.security;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.WrappedSession;
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
    event
        .getSource()
        .addUIInitListener(
            init -> {
              init.getUI().addBeforeEnterListener(NavigationAccessSetup::returnAfterLogin);
              init.getUI().addBeforeEnterListener(accessControl);
            });
  }

  /**
   * Quarkus' form login always lands on "/"; the page the user first asked for was remembered by
   * the access control when it sent them to log in, so go there once logged in.
   */
  private static void returnAfterLogin(BeforeEnterEvent event) {
    VaadinRequest request = VaadinRequest.getCurrent();
    if (request == null || request.getUserPrincipal() == null) {
      return;
    }
    WrappedSession session = request.getWrappedSession(false);
    if (session == null) {
      return;
    }
    Object stored = session.getAttribute(NavigationAccessControl.SESSION_STORED_REDIRECT);
    if (stored == null) {
      return;
    }
    session.removeAttribute(NavigationAccessControl.SESSION_STORED_REDIRECT);
    session.removeAttribute(NavigationAccessControl.SESSION_STORED_REDIRECT_ABSOLUTE);
    String path = stored.toString();
    if (!path.isBlank() && !path.equals(event.getLocation().getPathWithQueryParameters())) {
      event.forwardTo(path);
    }
  }
}
