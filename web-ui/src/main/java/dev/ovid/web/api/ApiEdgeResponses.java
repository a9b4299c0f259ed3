package dev.ovid.web.api;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The API answers that the HTTP layer gives before any resource runs, in the API's JSON error shape
 * ({@link ErrorBody}) instead of an empty body: 401 for a call without credentials or with wrong
 * ones (with the basic challenge), and 413 for a body larger than {@code
 * quarkus.http.limits.max-body-size}, refused from its Content-Length before it is read.
 */
public class ApiEdgeResponses {
  static final String CHALLENGE = "Basic realm=\"Ovid\", charset=\"UTF-8\"";

  /** Before the security handlers and the HTTP layer's own size check (route order -2). */
  private static final int BEFORE_SECURITY = 10_001;

  @ConfigProperty(name = "quarkus.http.limits.max-body-size")
  MemorySize maxBodySize;

  void register(@Observes Filters filters) {
    long limit = maxBodySize.asLongValue();
    filters.register(
        rc -> {
          if (!rc.normalizedPath().startsWith("/api/")) {
            rc.next();
            return;
          }
          long length = contentLength(rc);
          if (length > limit) {
            rc.response().putHeader(HttpHeaders.CONNECTION, "close");
            end(
                rc,
                413,
                "request body too large: "
                    + length
                    + " bytes, the limit is "
                    + limit
                    + " (quarkus.http.limits.max-body-size)");
          } else if (rc.request().getHeader(HttpHeaders.AUTHORIZATION) == null) {
            // Every /api path needs HTTP basic credentials (the UI's login cookie is not one)
            unauthorized(rc);
          } else {
            rc.next();
          }
        },
        BEFORE_SECURITY);
  }

  /** Wrong credentials (or a locked name) fail the request; answer them like missing ones. */
  void failures(@Observes Router router) {
    router
        .route("/api/*")
        .order(-1)
        .failureHandler(
            rc -> {
              if (rc.failure() instanceof AuthenticationFailedException && !rc.response().ended()) {
                unauthorized(rc);
              } else {
                rc.next();
              }
            });
  }

  private static void unauthorized(RoutingContext rc) {
    rc.response().putHeader("WWW-Authenticate", CHALLENGE);
    end(rc, 401, HttpErrorMapper.messageFor(401));
  }

  private static long contentLength(RoutingContext rc) {
    String value = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
    if (value == null) {
      return -1;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1; // the HTTP codec refuses it
    }
  }

  private static void end(RoutingContext rc, int status, String message) {
    HttpServerResponse response = rc.response();
    response
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .end(new JsonObject().put("error", message).put("details", new JsonArray()).encode());
  }
}
