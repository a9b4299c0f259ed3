package dev.ovid.web.security;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import io.quarkus.arc.Arc;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;

/** The logged-in user of the current Vaadin request: name, roles and log-out. */
public final class CurrentUser {
  /** Cookie in which Quarkus' form login keeps the encrypted identity. */
  static final String LOGIN_COOKIE = "quarkus-credential";

  private CurrentUser() {}

  /** The user's name, or "anonymous" when nobody is logged in. */
  public static String name() {
    VaadinRequest request = VaadinRequest.getCurrent();
    Principal principal = request == null ? null : request.getUserPrincipal();
    return principal == null ? "anonymous" : principal.getName();
  }

  public static boolean hasRole(String role) {
    VaadinRequest request = VaadinRequest.getCurrent();
    return request != null && request.isUserInRole(role);
  }

  public static boolean hasAnyRole(String... roles) {
    for (String role : roles) {
      if (hasRole(role)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Ends the session on the server (a replayed login cookie is then refused), drops the cookies and
   * the HTTP session; call after asking the page to navigate away.
   */
  public static void logOut() {
    VaadinServletRequest request = VaadinServletRequest.getCurrent();
    if (request != null) {
      String session =
          LoginSessionFilter.cookie(request.getHttpServletRequest(), LoginSessions.COOKIE);
      if (session != null) {
        Arc.container().instance(LoginSessions.class).get().end(session, name());
      }
    }
    VaadinServletResponse response = VaadinServletResponse.getCurrent();
    if (response != null) {
      clearCookies(response.getHttpServletResponse());
    }
    if (request != null && request.getHttpServletRequest().getSession(false) != null) {
      request.getHttpServletRequest().getSession(false).invalidate();
    }
  }

  /** Expires the login and session cookies in the browser. */
  static void clearCookies(HttpServletResponse response) {
    for (String name : new String[] {LOGIN_COOKIE, LoginSessions.COOKIE}) {
      Cookie cookie = new Cookie(name, "");
      cookie.setPath("/");
      cookie.setMaxAge(0);
      cookie.setHttpOnly(true);
      response.addCookie(cookie);
    }
  }
}
