package dev.ovid.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@code max-failures} failed logins of one user name within the
 * window, that name is locked for a while (every password refused, the right one too). Kept in
 * memory: the control plane is one process, and a restart forgetting a lock is acceptable.
 */
@ApplicationScoped
public class LoginThrottle {
  /** Names tracked at most, so a flood of made-up names cannot exhaust memory. */
  static final int MAX_TRACKED = 10_000;

  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
  private final Map<String, Instant> lockedUntil = new ConcurrentHashMap<>();
  private final Clock clock;
  private final SecuritySettings.Lockout settings;

  @Inject
  public LoginThrottle(SecuritySettings settings) {
    this(settings.lockout(), Clock.systemUTC());
  }

  LoginThrottle(SecuritySettings.Lockout settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** When the name is locked, until when; null when it may try. */
  public Instant lockedUntil(String username) {
    Instant until = lockedUntil.get(key(username));
    if (until == null) return null;
    if (!clock.instant().isBefore(until)) {
      lockedUntil.remove(key(username));
      return null;
    }
    return until;
  }

  /** Counts a failure; returns the lock's end when this failure locked the name, else null. */
  public Instant failed(String username) {
    String key = key(username);
    if (failures.size() >= MAX_TRACKED && !failures.containsKey(key)) {
      failures.clear();
    }
    Instant now = clock.instant();
    Deque<Instant> recent = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (recent) {
      recent.addLast(now);
      Duration window = settings.window();
      while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(window))) {
        recent.removeFirst();
      }
      if (recent.size() >= settings.maxFailures()) {
        recent.clear();
        Instant until = now.plus(settings.lockFor());
        lockedUntil.put(key, until);
        return until;
      }
    }
    return null;
  }

  public void succeeded(String username) {
    failures.remove(key(username));
  }

  private static String key(String username) {
    String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    return name.length() > 100 ? name.substring(0, 100) : name;
  }
}
