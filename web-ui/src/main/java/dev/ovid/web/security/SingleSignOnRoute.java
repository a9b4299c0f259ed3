package dev.ovid.web.security;

import dev.ovid.registry.common.Echo;
import dev.ovid.registry.user.OvidUser;
import dev.ovid.registry.user.UserRoles;
import dev.ovid.registry.user.UserService;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.PersistentLoginManager;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Log-in through an OpenID Connect provider. {@value #PATH} is guarded by quarkus-oidc's
 * authorization-code flow (application.properties, "Single sign-on"); once the provider has vouched
 * for the user, this route turns that into an ordinary Ovid login: the user's row with the Ovid
 * roles their token grants, a server-side session and the same login cookie a password login gets.
 * So log-out, disabled users and replayed cookies behave the same whichever way people log in.
 */
@ApplicationScoped
public class SingleSignOnRoute {
  public static final String PATH = "/sso/login";
  private static final Logger LOG = Logger.getLogger(SingleSignOnRoute.class);

  @Inject UserService users;
  @Inject LoginSessions sessions;

  @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "false")
  boolean enabled;

  @Inject SecuritySettings settings;

  @ConfigProperty(name = "quarkus.http.auth.session.encryption-key")
  String sessionKey;

  @ConfigProperty(name = "quarkus.http.auth.form.timeout", defaultValue = "PT30M")
  Duration timeout;

  @ConfigProperty(name = "quarkus.http.auth.form.new-cookie-interval", defaultValue = "PT1M")
  Duration newCookieInterval;

  private PersistentLoginManager loginCookie;

  void register(@Observes Router router) {
    // The same cookie form login writes (name, key, lifetime, HttpOnly, SameSite=Strict).
    loginCookie =
        new PersistentLoginManager(
            sessionKey,
            CurrentUser.LOGIN_COOKIE,
            timeout.toMillis(),
            newCookieInterval.toMillis(),
            true,
            "STRICT",
            "/",
            -1,
            null);
    router.get(PATH).blockingHandler(this::login);
  }

  /** Whether the login page offers single sign-on. */
  public boolean enabled() {
    return enabled;
  }

  public String providerName() {
    return settings.oidc().displayName();
  }

  private void login(RoutingContext rc) {
    String providerName = providerName();
    if (!enabled || !(rc.user() instanceof QuarkusHttpUser user)) {
      page(rc, 404, "Single sign-on is not configured on this Ovid.", false);
      return;
    }
    SecurityIdentity identity = user.getSecurityIdentity();
    String username = identity.getPrincipal().getName();
    List<String> roles = identity.getRoles().stream().filter(UserRoles.ALL::contains).toList();
    if (roles.isEmpty()) {
      LOG.infof("single sign-on refused: %s holds no Ovid role", Echo.quote(username));
      page(rc, 403, providerName + " gives you no Ovid role; ask an administrator.", true);
      return;
    }
    Optional<OvidUser> signedIn;
    try {
      signedIn = users.signedInThroughProvider(username, roles, providerName);
    } catch (RuntimeException e) {
      LOG.infof("single sign-on refused for %s: %s", Echo.quote(username), e.getMessage());
      page(rc, 403, "Ovid cannot accept this account: " + e.getMessage(), true);
      return;
    }
    if (signedIn.isEmpty()) {
      page(rc, 403, "Your Ovid account is disabled.", true);
      return;
    }
    loginCookie.save(username, rc, CurrentUser.LOGIN_COOKIE, null, rc.request().isSSL());
    sessions.start(rc, username, "oidc:" + providerName);
    // Ovid's session is the only one from here on: the next single sign-on asks the provider again.
    rc.response().addCookie(Cookie.cookie("q_session", "").setPath("/sso").setMaxAge(0));
    // A page rather than a redirect: the browser arrived here through the provider's cross-site
    // redirects, and sends the SameSite=Strict login cookie only on a navigation from this site.
    page(rc, 200, "Logged in as " + username + ".", false);
  }

  private static void page(RoutingContext rc, int status, String message, boolean backToLogin) {
    String target = backToLogin ? "/login" : "/";
    String refresh =
        status == 200 ? "<meta http-equiv=\"refresh\" content=\"0;url=" + target + "\">" : "";
    rc.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(
            "<!doctype html><html><head><title>Ovid</title>"
                + refresh
                + "</head><body><p id=\"sso-message\">"
                + escape(message)
                + "</p><p><a href=\""
                + target
                + "\">Continue</a></p></body></html>");
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
