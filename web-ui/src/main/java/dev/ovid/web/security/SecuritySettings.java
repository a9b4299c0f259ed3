package dev.ovid.web.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** The {@code ovid.security.*} keys; defaults and docs in application.properties. */
@ConfigMapping(prefix = "ovid.security")
public interface SecuritySettings {
  /**
   * This installation is only reachable by its own user (bin/ovid up): the development passwords
   * and session key are then allowed in production mode.
   */
  boolean local();

  /** Users created at start-up when missing: name, password and roles. */
  Map<String, SeedUser> seedUsers();

  /** The session key's development default, which production mode refuses unless local. */
  String devSessionKey();

  Lockout lockout();

  Oidc oidc();

  interface Oidc {
    /** The provider's name on the login page ("Log in with ..."), e.g. "Keycloak". */
    @WithDefault("single sign-on")
    String displayName();
  }

  interface SeedUser {
    String password();

    /** Comma-separated role names. */
    String roles();
  }

  interface Lockout {
    /** Failed logins of one user name within {@link #window()} that lock it. */
    int maxFailures();

    Duration window();

    /** How long a locked user name refuses every password. */
    Duration lockFor();
  }
}
