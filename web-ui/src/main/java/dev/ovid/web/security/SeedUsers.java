package dev.ovid.web.security;

import dev.ovid.registry.user.UserService;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * At start-up: creates the configured users that are missing (the development users mlops, product,
 * approver, auditor and admin), then, in production mode, refuses to start while a user still has
 * the development password (its own name) or the session key is the development one, unless {@code
 * ovid.security.local=true} says only this machine's user can reach the app (bin/ovid up sets it).
 */
public class SeedUsers {
  private static final Logger LOG = Logger.getLogger(SeedUsers.class);

  @Inject UserService users;
  @Inject SecuritySettings settings;

  @ConfigProperty(name = "quarkus.http.auth.session.encryption-key")
  String sessionKey;

  void onStart(@Observes StartupEvent event) {
    for (Map.Entry<String, SecuritySettings.SeedUser> seed : settings.seedUsers().entrySet()) {
      String name = seed.getKey();
      if (users.find(name).isEmpty()) {
        List<String> roles =
            Arrays.stream(seed.getValue().roles().split(",")).map(String::trim).toList();
        users.create(name, seed.getValue().password(), roles, "system", 1);
        LOG.infof("created user %s with roles %s", name, roles);
      }
    }
    if (LaunchMode.current() == LaunchMode.NORMAL && !settings.local()) {
      List<String> problems = developmentSecrets();
      if (!problems.isEmpty()) {
        throw new IllegalStateException(
            "refusing to start with development credentials: "
                + String.join("; ", problems)
                + ". Change them (bin/ovid users passwd, OVID_SESSION_KEY), or set"
                + " OVID_SECURITY_LOCAL=true if only this machine's user can reach the app.");
      }
    }
  }

  /** Which development credentials are still in use (names only, never the secrets). */
  List<String> developmentSecrets() {
    List<String> out = new ArrayList<>();
    for (String name : settings.seedUsers().keySet()) {
      if (users.hasPassword(name, name))
        out.add("user '" + name + "' has its development password");
    }
    if (settings.devSessionKey().equals(sessionKey)) {
      out.add("the session key is the development key");
    }
    return out;
  }
}
