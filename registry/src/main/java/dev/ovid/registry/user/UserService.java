package dev.ovid.registry.user;

import static dev.ovid.registry.audit.AuditLog.detail;

import dev.ovid.registry.audit.AuditLog;
import dev.ovid.registry.common.ConflictException;
import dev.ovid.registry.common.Echo;
import dev.ovid.registry.common.NotFoundException;
import dev.ovid.registry.common.ValidationException;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Users, their roles and bcrypt password hashes. Every change is audited (never the password);
 * {@link #verify} is what logging in checks.
 */
@ApplicationScoped
public class UserService {
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");
  public static final int MIN_PASSWORD = 8;
  static final int MAX_PASSWORD = 200;

  /** bcrypt cost: 2^10 rounds, about 50-100 ms a check here. */
  static final int COST = 10;

  @Inject AuditLog audit;

  @Transactional
  public List<OvidUser> list() {
    return OvidUser.list("order by username");
  }

  @Transactional
  public Optional<OvidUser> find(String username) {
    return username == null ? Optional.empty() : OvidUser.findByName(username);
  }

  /** The enabled user whose password this is; empty otherwise (unknown, disabled, wrong). */
  @Transactional
  public Optional<OvidUser> verify(String username, char[] password) {
    if (username == null || password == null || password.length > MAX_PASSWORD) {
      return Optional.empty();
    }
    Optional<OvidUser> user = OvidUser.findByName(username);
    if (user.isEmpty() || !user.get().enabled || user.get().passwordHash == null) {
      return Optional.empty();
    }
    return BcryptUtil.matches(new String(password), user.get().passwordHash)
        ? user
        : Optional.empty();
  }

  /** Creates a user. {@code minPassword} lets start-up seed the short development passwords. */
  @Transactional
  public OvidUser create(String username, String password, Collection<String> roles, String actor) {
    return create(username, password, roles, actor, MIN_PASSWORD);
  }

  @Transactional
  public OvidUser create(
      String username, String password, Collection<String> roles, String actor, int minPassword) {
    String name = checkName(username);
    if (OvidUser.findByName(name).isPresent()) {
      throw new ConflictException("user '" + name + "' already exists");
    }
    OvidUser user = persistNew(name, hash(password, minPassword), checkRoles(roles));
    audit.record(actor, "user.created", "user", name, detail("roles", user.roleSet()));
    return user;
  }

  @Transactional
  public OvidUser setPassword(String username, String password, String actor) {
    OvidUser user = get(username);
    user.passwordHash = hash(password, MIN_PASSWORD);
    user.updatedAt = Instant.now();
    audit.record(actor, "user.password-changed", "user", user.username, null);
    return user;
  }

  @Transactional
  public OvidUser setRoles(String username, Collection<String> roles, String actor) {
    OvidUser user = get(username);
    Set<String> before = user.roleSet();
    user.roles = String.join(",", checkRoles(roles));
    user.updatedAt = Instant.now();
    audit.record(
        actor,
        "user.roles-changed",
        "user",
        user.username,
        detail("from", before, "to", user.roleSet()));
    return user;
  }

  @Transactional
  public OvidUser setEnabled(String username, boolean enabled, String actor) {
    OvidUser user = get(username);
    if (user.enabled == enabled) return user;
    user.enabled = enabled;
    user.updatedAt = Instant.now();
    audit.record(actor, enabled ? "user.enabled" : "user.disabled", "user", user.username, null);
    if (!enabled) endSessionsOf(user.username);
    return user;
  }

  /**
   * The user an OpenID Connect provider vouched for: created without a password when new, and given
   * the Ovid roles the provider's token grants at this login (the provider is the source of truth
   * for them). Empty when the user exists but is disabled in Ovid, which then refuses the login.
   */
  @Transactional
  public Optional<OvidUser> signedInThroughProvider(
      String username, Collection<String> roles, String provider) {
    Set<String> granted = checkRoles(roles);
    String actor = "oidc:" + provider;
    Optional<OvidUser> existing = find(username);
    if (existing.isEmpty()) {
      OvidUser user = persistNew(checkName(username), null, granted);
      audit.record(
          actor, "user.created", "user", user.username, detail("roles", granted, "via", provider));
      return Optional.of(user);
    }
    OvidUser user = existing.get();
    if (!user.enabled) return Optional.empty();
    if (!user.roleSet().equals(granted)) {
      Set<String> before = user.roleSet();
      user.roles = String.join(",", granted);
      user.updatedAt = Instant.now();
      audit.record(
          actor,
          "user.roles-changed",
          "user",
          user.username,
          detail("from", before, "to", granted, "via", provider));
    }
    return Optional.of(user);
  }

  @Transactional
  public OvidUser get(String username) {
    return find(username).orElseThrow(() -> NotFoundException.of("user", username));
  }

  /** Whether the user's password is still {@code candidate} (start-up's dev-password check). */
  @Transactional
  public boolean hasPassword(String username, String candidate) {
    return find(username)
        .filter(u -> u.enabled && u.passwordHash != null)
        .map(u -> BcryptUtil.matches(candidate, u.passwordHash))
        .orElse(false);
  }

  // ------------------------------------------------------------------ sessions

  /** Records a new UI log-in; the id goes into the browser's session cookie. */
  @Transactional
  public LoginSession startSession(String id, String username) {
    LoginSession session = new LoginSession();
    session.id = id;
    session.username = username;
    session.createdAt = Instant.now();
    session.persist();
    return session;
  }

  /** Whether the session exists, belongs to the user and has not ended. */
  @Transactional
  public boolean sessionActive(String id, String username) {
    if (id == null || id.length() > 64) return false;
    LoginSession session = LoginSession.findById(id);
    return session != null && session.endedAt == null && session.username.equals(username);
  }

  /** Ends a session (log-out); ending an ended or unknown one does nothing. */
  @Transactional
  public void endSession(String id, String actor) {
    if (id == null || id.length() > 64) return;
    LoginSession session = LoginSession.findById(id);
    if (session == null || session.endedAt != null) return;
    session.endedAt = Instant.now();
    audit.record(actor, "user.logged-out", "user", session.username, null);
  }

  private static void endSessionsOf(String username) {
    LoginSession.update(
        "endedAt = ?1 where username = ?2 and endedAt is null", Instant.now(), username);
  }

  private static String hash(String password, int min) {
    if (password == null || password.length() < min) {
      throw new ValidationException("password must have at least " + min + " characters");
    }
    if (password.length() > MAX_PASSWORD) {
      throw new ValidationException("password must have at most " + MAX_PASSWORD + " characters");
    }
    return BcryptUtil.bcryptHash(password, COST);
  }

  /** A new enabled user; {@code passwordHash} is null for one who logs in only through OIDC. */
  private static OvidUser persistNew(String name, String passwordHash, Set<String> roles) {
    OvidUser user = new OvidUser();
    user.username = name;
    user.passwordHash = passwordHash;
    user.roles = String.join(",", roles);
    user.enabled = true;
    user.createdAt = Instant.now();
    user.updatedAt = user.createdAt;
    user.persist();
    return user;
  }

  private static String checkName(String username) {
    String name = ValidationException.requireText("username", username);
    if (!NAME.matcher(name).matches()) {
      throw new ValidationException(
          "username "
              + Echo.quote(name)
              + " may hold only letters, digits, '.', '_', '@' and '-' (max 100)");
    }
    return name;
  }

  private static Set<String> checkRoles(Collection<String> roles) {
    Set<String> out = new TreeSet<>();
    for (String role : roles == null ? List.<String>of() : roles) {
      String r = role == null ? "" : role.trim();
      if (!UserRoles.ALL.contains(r)) {
        throw new ValidationException("role " + Echo.quote(r) + " is not one of " + UserRoles.ALL);
      }
      out.add(r);
    }
    return out;
  }
}
