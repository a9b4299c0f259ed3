package dev.ovid.web.security.oidc;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * A small but real OpenID Connect provider for tests: discovery, a login form, the
 * authorization-code grant with client-secret authentication, RS256-signed ID and access tokens and
 * their JWKS, over HTTP on loopback. Any user name logs in with the password {@value #PASSWORD};
 * the form's "groups" field becomes the token's {@code groups} claim, so a test chooses what the
 * provider says about a person. Started before Quarkus (a test resource), which it configures.
 */
public class TestOpenIdProvider implements QuarkusTestResourceLifecycleManager {
  public static final String PASSWORD = "idp-password";
  public static final String CLIENT_ID = "ovid-test";
  static final String CLIENT_SECRET = "ovid-test-secret";
  public static final String DISPLAY_NAME = "Test IdP";

  private final Map<String, Grant> codes = new ConcurrentHashMap<>();
  private HttpServer server;
  private RsaJsonWebKey key;
  private String issuer;

  private record Grant(String username, List<String> groups, String nonce, String redirectUri) {}

  @Override
  public Map<String, String> start() {
    try {
      key = RsaJwkGenerator.generateJwk(2048);
      key.setKeyId("test-key-1");
      key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
      key.setUse("sig");
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (JoseException | IOException e) {
      throw new IllegalStateException("cannot start the test OpenID provider", e);
    }
    issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/test";
    server.createContext("/realms/test/.well-known/openid-configuration", this::discovery);
    server.createContext("/realms/test/authorize", this::authorize);
    server.createContext("/realms/test/token", this::token);
    server.createContext("/realms/test/jwks", this::jwks);
    server.start();
    Map<String, String> config = new LinkedHashMap<>();
    config.put("quarkus.oidc.tenant-enabled", "true");
    config.put("quarkus.http.auth.permission.sso.enabled", "true");
    config.put("quarkus.oidc.auth-server-url", issuer);
    config.put("quarkus.oidc.client-id", CLIENT_ID);
    config.put("quarkus.oidc.credentials.secret", CLIENT_SECRET);
    config.put("ovid.security.oidc.display-name", DISPLAY_NAME);
    // The provider's group names are not Ovid's: map one of them.
    config.put("quarkus.http.auth.roles-mapping.\"ovid-operators\"", "ml-ops");
    return config;
  }

  @Override
  public void stop() {
    if (server != null) server.stop(0);
  }

  private void discovery(HttpExchange ex) throws IOException {
    String json =
        "{\"issuer\":\"%1$s\",\"authorization_endpoint\":\"%1$s/authorize\",\"token_endpoint\":\"%1$s/token\",\"jwks_uri\":\"%1$s/jwks\",\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"public\"],\"id_token_signing_alg_values_supported\":[\"RS256\"],\"token_endpoint_auth_methods_supported\":[\"client_secret_basic\",\"client_secret_post\"]}"
            .formatted(issuer);
    send(ex, 200, "application/json", json);
  }

  private void jwks(HttpExchange ex) throws IOException {
    send(
        ex,
        200,
        "application/json",
        new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
  }

  /** GET shows the login form (carrying the request's parameters); POST checks it. */
  private void authorize(HttpExchange ex) throws IOException {
    Map<String, String> query = form(ex.getRequestURI().getRawQuery());
    if ("GET".equals(ex.getRequestMethod())) {
      StringBuilder hidden = new StringBuilder();
      for (var e : query.entrySet()) {
        hidden.append(
            "<input type=\"hidden\" name=\"%s\" value=\"%s\">"
                .formatted(html(e.getKey()), html(e.getValue())));
      }
      send(
          ex,
          200,
          "text/html; charset=utf-8",
          "<!doctype html><html><body><h1>Test IdP</h1><form method=\"post\" action=\"authorize\">"
              + hidden
              + "<label>User <input id=\"username\" name=\"username\"></label>"
              + "<label>Password <input id=\"password\" name=\"password\" type=\"password\"></label>"
              + "<label>Groups <input id=\"groups\" name=\"groups\"></label>"
              + "<button id=\"sign-in\" type=\"submit\">Sign in</button></form></body></html>");
      return;
    }
    Map<String, String> in =
        form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    if (!CLIENT_ID.equals(in.get("client_id")) || !"code".equals(in.get("response_type"))) {
      send(ex, 400, "text/plain", "unknown client or response type");
      return;
    }
    if (!PASSWORD.equals(in.get("password")) || in.getOrDefault("username", "").isBlank()) {
      send(ex, 401, "text/plain", "wrong user name or password");
      return;
    }
    List<String> groups =
        Arrays.stream(in.getOrDefault("groups", "").split(","))
            .map(String::trim)
            .filter(g -> !g.isEmpty())
            .toList();
    String code = UUID.randomUUID().toString();
    codes.put(code, new Grant(in.get("username"), groups, in.get("nonce"), in.get("redirect_uri")));
    String back =
        in.get("redirect_uri")
            + (in.get("redirect_uri").contains("?") ? "&" : "?")
            + "code="
            + code
            + "&state="
            + URLEncoder.encode(in.getOrDefault("state", ""), StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Location", back);
    send(ex, 302, "text/plain", "");
  }

  private void token(HttpExchange ex) throws IOException {
    Map<String, String> in =
        form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    String basic = ex.getRequestHeaders().getFirst("Authorization");
    String expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
    boolean clientOk =
        expected.equals(basic)
            || (CLIENT_ID.equals(in.get("client_id"))
                && CLIENT_SECRET.equals(in.get("client_secret")));
    if (!clientOk) {
      send(ex, 401, "application/json", "{\"error\":\"invalid_client\"}");
      return;
    }
    Grant grant = codes.remove(in.getOrDefault("code", ""));
    if (!"authorization_code".equals(in.get("grant_type"))
        || grant == null
        || !grant.redirectUri().equals(in.get("redirect_uri"))) {
      send(ex, 400, "application/json", "{\"error\":\"invalid_grant\"}");
      return;
    }
    try {
      String idToken = sign(grant, true);
      String accessToken = sign(grant, false);
      send(
          ex,
          200,
          "application/json",
          "{\"access_token\":\"%s\",\"id_token\":\"%s\",\"token_type\":\"Bearer\",\"expires_in\":300}"
              .formatted(accessToken, idToken));
    } catch (JoseException e) {
      send(ex, 500, "application/json", "{\"error\":\"server_error\"}");
    }
  }

  private String sign(Grant grant, boolean idToken) throws JoseException {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(issuer);
    claims.setAudience(CLIENT_ID);
    claims.setSubject("sub-" + grant.username());
    claims.setIssuedAtToNow();
    claims.setExpirationTimeMinutesInTheFuture(5);
    claims.setGeneratedJwtId();
    claims.setClaim("preferred_username", grant.username());
    claims.setStringListClaim("groups", grant.groups());
    if (idToken && grant.nonce() != null) claims.setClaim("nonce", grant.nonce());
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(key.getPrivateKey());
    jws.setKeyIdHeaderValue(key.getKeyId());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    return jws.getCompactSerialization();
  }

  private static Map<String, String> form(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) return out;
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(
          URLDecoder.decode(k, StandardCharsets.UTF_8),
          URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return out;
  }

  private static String html(String s) {
    return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
  }

  private static void send(HttpExchange ex, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) ex.getResponseBody().write(bytes);
    ex.close();
  }
}
