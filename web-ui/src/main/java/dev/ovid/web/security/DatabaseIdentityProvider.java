package dev.ovid.web.security;

import static dev.ovid.registry.audit.AuditLog.detail;

import dev.ovid.registry.audit.AuditLog;
import dev.ovid.registry.common.Echo;
import dev.ovid.registry.user.OvidUser;
import dev.ovid.registry.user.UserService;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * Checks user names and passwords (HTTP basic and the login form) against the users in PostgreSQL,
 * with bcrypt. Failed attempts are audited and counted by the {@link LoginThrottle}; a locked name
 * is refused without checking the password. A successful form login also starts the server-side
 * session that log-out ends ({@link LoginSessions}).
 *
 * <p>bcrypt costs ~50-100 ms by design, too much for every API call with basic credentials, so a
 * successful check is remembered for a minute under a keyed hash of the password (never the
 * password), and forgotten as soon as the user changes.
 */
@ApplicationScoped
public class DatabaseIdentityProvider
    implements IdentityProvider<UsernamePasswordAuthenticationRequest> {
  private static final Logger LOG = Logger.getLogger(DatabaseIdentityProvider.class);
  static final Duration REMEMBER = Duration.ofMinutes(1);

  @Inject UserService users;
  @Inject LoginThrottle throttle;
  @Inject AuditLog audit;
  @Inject LoginSessions sessions;

  private final byte[] cacheKey = new byte[32];
  private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

  private record Remembered(String passwordMac, Set<String> roles, Instant until) {}

  public DatabaseIdentityProvider() {
    new SecureRandom().nextBytes(cacheKey);
  }

  @Override
  public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
    return UsernamePasswordAuthenticationRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
    RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
    // A refusal is a null identity turned into the failure outside the blocking call, so the
    // form mechanism answers it with its error page.
    return context
        .runBlocking(() -> check(request, http))
        .onItem()
        .ifNull()
        .failWith(() -> new AuthenticationFailedException("wrong user name or password"));
  }

  private SecurityIdentity check(UsernamePasswordAuthenticationRequest request, RoutingContext rc) {
    String username = request.getUsername();
    char[] password = request.getPassword().getPassword();
    String from = rc == null ? "?" : String.valueOf(rc.request().remoteAddress());
    Instant locked = throttle.lockedUntil(username);
    if (locked != null) {
      audit.record(
          Echo.clip(username, 100),
          "user.login-refused",
          "user",
          Echo.clip(username, 100),
          detail("reason", "locked", "until", locked.toString(), "from", from));
      return null;
    }
    String mac = mac(username, password);
    Remembered known = remembered.get(username);
    Set<String> roles;
    if (known != null
        && known.until.isAfter(Instant.now())
        && MessageDigest.isEqual(
            known.passwordMac.getBytes(StandardCharsets.UTF_8),
            mac.getBytes(StandardCharsets.UTF_8))) {
      roles = known.roles;
    } else {
      Optional<OvidUser> user = users.verify(username, password);
      if (user.isEmpty()) {
        remembered.remove(username);
        Instant lockedNow = throttle.failed(username);
        audit.record(
            Echo.clip(username, 100),
            "user.login-failed",
            "user",
            Echo.clip(username, 100),
            detail("from", from, "lockedUntil", lockedNow == null ? null : lockedNow.toString()));
        LOG.infof("failed login for user %s from %s", Echo.quote(username), from);
        return null;
      }
      roles = user.get().roleSet();
      remembered.put(username, new Remembered(mac, roles, Instant.now().plus(REMEMBER)));
    }
    throttle.succeeded(username);
    if (rc != null && rc.normalizedPath().endsWith("/j_security_check")) {
      sessions.start(rc, username);
    }
    return QuarkusSecurityIdentity.builder()
        .setPrincipal(new QuarkusPrincipal(username))
        .addRoles(roles)
        .addCredential(request.getPassword())
        .build();
  }

  /** Forget remembered checks of this user (password, roles or enabled changed). */
  public void forget(String username) {
    remembered.remove(username);
  }

  private String mac(String username, char[] password) {
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(cacheKey, "HmacSHA256"));
      hmac.update(username.getBytes(StandardCharsets.UTF_8));
      hmac.update((byte) 0);
      hmac.update(new String(password).getBytes(StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(hmac.doFinal());
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
