package dev.ovid.web.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ovid.web.testing.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Logins (right and wrong), user changes and API errors never write a password, the S3 secret key
 * or the session key to the log.
 */
@QuarkusTest
class NoSecretsInLogsTest {

  @Test
  void secretsNeverReachTheLog() {
    LogCapture logged = new LogCapture();
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream out = System.out;
    System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
    String wrongPassword = "Wr0ng-Secret-" + System.nanoTime();
    String newPassword = "N3w-Secret-" + System.nanoTime();
    String name = "logs-" + System.nanoTime();
    try {
      given().auth().preemptive().basic("mlops", "mlops").get("/api/runs").then().statusCode(200);
      given()
          .auth()
          .preemptive()
          .basic("nobody-" + System.nanoTime(), wrongPassword)
          .get("/api/runs")
          .then()
          .statusCode(401);
      given()
          .redirects()
          .follow(false)
          .formParam("username", "nobody")
          .formParam("password", wrongPassword)
          .post("/j_security_check");
      given()
          .auth()
          .preemptive()
          .basic("admin", "admin")
          .contentType("application/json")
          .body(Map.of("username", name, "password", newPassword, "roles", List.of("auditor")))
          .post("/api/users")
          .then()
          .statusCode(201);
      given()
          .auth()
          .preemptive()
          .basic("admin", "admin")
          .contentType("application/json")
          .body(Map.of("password", "short"))
          .put("/api/users/{u}/password", name)
          .then()
          .statusCode(400);
    } finally {
      logged.close();
      System.setOut(out);
    }
    String all = logged.text() + "\n" + console.toString(StandardCharsets.UTF_8);
    var config = ConfigProvider.getConfig();
    List<String> secrets =
        List.of(
            wrongPassword,
            newPassword,
            config.getValue("ovid.s3.secret-key", String.class),
            config.getValue("quarkus.http.auth.session.encryption-key", String.class),
            config.getValue("quarkus.datasource.password", String.class).length() > 4
                ? config.getValue("quarkus.datasource.password", String.class)
                : wrongPassword);
    assertTrue(all.contains("failed login"), "the capture saw no login failure: " + all);
    for (String secret : secrets) {
      assertTrue(!all.contains(secret), "the log holds a secret");
    }
  }
}
