package dev.ovid.web.security;

import dev.ovid.registry.audit.AuditLog;
import dev.ovid.registry.user.UserService;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Server-side UI sessions. Quarkus' form login keeps the identity in an encrypted cookie that the
 * server cannot take back, so each log-in also gets a random session id (the {@value #COOKIE}
 * cookie) recorded in the database; {@link LoginSessionFilter} refuses a login cookie whose session
 * has ended, and log-out ends it.
 */
@ApplicationScoped
public class LoginSessions {
  public static final String COOKIE = "ovid-session";
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject UserService users;
  @Inject AuditLog audit;

  /** Starts a session for a successful form login: a row, an audit entry and the cookie. */
  void start(RoutingContext rc, String username) {
    start(rc, username, "password");
  }

  /** Starts a session; {@code via} says how the user proved who they are (audited). */
  void start(RoutingContext rc, String username, String via) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String id = HexFormat.of().formatHex(bytes);
    users.startSession(id, username);
    audit.record(
        username,
        "user.logged-in",
        "user",
        username,
        AuditLog.detail("from", String.valueOf(rc.request().remoteAddress()), "via", via));
    Cookie cookie =
        Cookie.cookie(COOKIE, id)
            .setPath("/")
            .setHttpOnly(true)
            .setSecure(rc.request().isSSL())
            .setSameSite(CookieSameSite.STRICT);
    rc.response().addCookie(cookie);
  }

  public boolean active(String id, String username) {
    return users.sessionActive(id, username);
  }

  public void end(String id, String actor) {
    users.endSession(id, actor);
  }
}
