package dev.ovid.web.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Served over HTTPS, the login cookies are Secure (and still HttpOnly), so a browser never sends
 * them over plain HTTP. The server gets a throw-away self-signed key made with the JDK's keytool.
 */
@QuarkusTest
@TestProfile(SecureCookiesOverHttpsTest.Https.class)
class SecureCookiesOverHttpsTest {
  @TestHTTPResource(value = "/", tls = true)
  URL https;

  @Test
  void loginCookiesAreSecureOverHttps() {
    Response login =
        given()
            .relaxedHTTPSValidation()
            .baseUri("https://" + https.getHost())
            .port(https.getPort())
            .redirects()
            .follow(false)
            .formParam("username", "mlops")
            .formParam("password", "mlops")
            .post("/j_security_check");
    login.then().statusCode(302);
    var credential = login.detailedCookie("quarkus-credential");
    var session = login.detailedCookie(LoginSessions.COOKIE);
    assertNotNull(credential, "no login cookie: " + login.headers());
    assertNotNull(session, "no session cookie: " + login.headers());
    assertTrue(credential.isSecured(), "quarkus-credential is not Secure over HTTPS");
    assertTrue(session.isSecured(), "ovid-session is not Secure over HTTPS");
    assertTrue(credential.isHttpOnly() && session.isHttpOnly());
  }

  /** HTTPS on a random port, with a key store generated for this run. */
  public static class Https implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      Path store = keyStore();
      return Map.of(
          "quarkus.tls.key-store.p12.path", store.toString(),
          "quarkus.tls.key-store.p12.password", "ovid-test",
          "quarkus.http.test-ssl-port", "0",
          "quarkus.http.insecure-requests", "enabled");
    }

    private static Path keyStore() {
      try {
        Path dir = Files.createTempDirectory("ovid-tls");
        Path store = dir.resolve("server.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p =
            new ProcessBuilder(
                    List.of(
                        keytool,
                        "-genkeypair",
                        "-alias",
                        "ovid",
                        "-keyalg",
                        "RSA",
                        "-keysize",
                        "2048",
                        "-dname",
                        "CN=localhost",
                        "-ext",
                        "SAN=dns:localhost,ip:127.0.0.1",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        store.toString(),
                        "-storepass",
                        "ovid-test",
                        "-keypass",
                        "ovid-test"))
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
          throw new IllegalStateException("keytool failed: " + output);
        }
        store.toFile().deleteOnExit();
        dir.toFile().deleteOnExit();
        return store;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
