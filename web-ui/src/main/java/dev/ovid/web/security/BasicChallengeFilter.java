package dev.ovid.web.security;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.event.Observes;

/**
 * With form login enabled too, Quarkus answers an unauthenticated API call with a bare 401 (basic
 * authentication is "silent" next to form login). API clients expect the challenge that says how to
 * log in, so 401s under /api get {@code WWW-Authenticate: Basic}.
 */
public class BasicChallengeFilter {
  static final String CHALLENGE = "Basic realm=\"Ovid\", charset=\"UTF-8\"";

  /** Runs before the security handlers so the header hook is in place when they answer 401. */
  private static final int BEFORE_SECURITY = 10_000;

  void register(@Observes Filters filters) {
    filters.register(
        rc -> {
          if (rc.normalizedPath().startsWith("/api/")) {
            HttpServerResponse response = rc.response();
            rc.addHeadersEndHandler(
                v -> {
                  if (response.getStatusCode() == 401
                      && !response.headers().contains("WWW-Authenticate")) {
                    response.putHeader("WWW-Authenticate", CHALLENGE);
                  }
                });
          }
          rc.next();
        },
        BEFORE_SECURITY);
  }
}
