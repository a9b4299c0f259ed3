package dev.ovid.web.security;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * The servlet session cookie (Vaadin's JSESSIONID) is HttpOnly, so page scripts cannot read it.
 * (Secure is set per request by the container when it is served over HTTPS.)
 */
@WebListener
public class SessionCookieSetup implements ServletContextListener {
  @Override
  public void contextInitialized(ServletContextEvent event) {
    event.getServletContext().getSessionCookieConfig().setHttpOnly(true);
  }
}
