package dev.ovid.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;

/**
 * Every UI request logged in through the login cookie must belong to a session the server still
 * holds open: a cookie replayed after log-out (or copied without its session) is refused, its
 * cookies cleared and the browser sent to the login page.
 */
@WebFilter(urlPatterns = "/*")
public class LoginSessionFilter implements Filter {
  @Inject LoginSessions sessions;

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    Principal user = request.getUserPrincipal();
    String loginCookie = cookie(request, CurrentUser.LOGIN_COOKIE);
    if (user == null || loginCookie == null || loginCookie.isEmpty()) {
      chain.doFilter(req, res);
      return;
    }
    String session = cookie(request, LoginSessions.COOKIE);
    if (session != null && sessions.active(session, user.getName())) {
      chain.doFilter(req, res);
      return;
    }
    CurrentUser.clearCookies(response);
    if (request.getSession(false) != null) request.getSession(false).invalidate();
    if ("GET".equals(request.getMethod())) {
      response.sendRedirect(request.getContextPath() + "/login");
    } else {
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "session ended; log in again");
    }
  }

  static String cookie(HttpServletRequest request, String name) {
    if (request.getCookies() == null) return null;
    for (Cookie c : request.getCookies()) {
      if (name.equals(c.getName())) return c.getValue();
    }
    return null;
  }
}
