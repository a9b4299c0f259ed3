package dev.ovid.web.security;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import jakarta.servlet.http.Cookie;
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

  /** Drops the login cookie and the HTTP session; call after asking the page to navigate away. */
  public static void logOut() {
    VaadinServletResponse response = VaadinServletResponse.getCurrent();
    if (response != null) {
      Cookie cookie = new Cookie(LOGIN_COOKIE, "");
      cookie.setPath("/");
      cookie.setMaxAge(0);
      cookie.setHttpOnly(true);
      response.addCookie(cookie);
    }
    VaadinServletRequest request = VaadinServletRequest.getCurrent();
    if (request != null && request.getHttpServletRequest().getSession(false) != null) {
      request.getHttpServletRequest().getSession(false).invalidate();
    }
  }
}
