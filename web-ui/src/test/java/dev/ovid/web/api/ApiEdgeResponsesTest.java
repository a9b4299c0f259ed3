package dev.ovid.web.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ovid.registry.vocabulary.Vocabulary;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the HTTP layer answers before any resource runs is JSON like every other API error: 401
 * without or with wrong credentials, 413 for a body above the size limit (nothing is stored).
 */
@QuarkusTest
class ApiEdgeResponsesTest {
  @TestHTTPResource("/")
  URL base;

  @Test
  void unauthorizedCallsGetAJsonBodyAndTheBasicChallenge() {
    for (var call :
        new io.restassured.specification.RequestSpecification[] {
          given(), given().auth().preemptive().basic("mlops", "wrong-" + UUID.randomUUID())
        }) {
      call.get("/api/runs")
          .then()
          .statusCode(401)
          .contentType(startsWith("application/json"))
          .header("WWW-Authenticate", startsWith("Basic"))
          .body("error", containsString("not logged in"));
    }
    given()
        .contentType("application/json")
        .body("{\"name\": \"x\"}")
        .post("/api/vocabularies")
        .then()
        .statusCode(401)
        .body("error", containsString("not logged in"));
  }

  @Test
  void aBodyAboveTheLimitIsA413JsonErrorAndStoresNothing() throws IOException {
    String name = "too-large-" + UUID.randomUUID();
    long before = vocabularies();
    long declared = 2L * 1024 * 1024 * 1024; // well above quarkus.http.limits.max-body-size
    String credentials =
        Base64.getEncoder().encodeToString("product:product".getBytes(StandardCharsets.UTF_8));
    String head =
        "POST /api/vocabularies HTTP/1.1\r\n"
            + "Host: "
            + base.getHost()
            + "\r\n"
            + "Authorization: Basic "
            + credentials
            + "\r\n"
            + "Content-Type: application/json\r\n"
            + "Content-Length: "
            + declared
            + "\r\n\r\n"
            + "{\"name\": \""
            + name
            + "\", \"description\": \"";
    String response;
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.UTF_8));
      out.flush();
      response = readResponse(socket.getInputStream());
    }
    assertTrue(response.startsWith("HTTP/1.1 413"), response);
    String body = response.substring(response.indexOf("\r\n\r\n") + 4);
    assertTrue(response.toLowerCase().contains("content-type: application/json"), response);
    JsonObject json = new JsonObject(body);
    assertTrue(json.getString("error").contains("request body too large"), body);
    assertTrue(json.getString("error").contains(Long.toString(declared)), body);
    assertEquals(before, vocabularies(), "a vocabulary was stored");
  }

  /** Head and body of one response: the server may keep the connection open, so no read to EOF. */
  private static String readResponse(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) break;
      head.append((char) b);
    }
    int length = 0;
    for (String line : head.toString().split("\r\n")) {
      if (line.toLowerCase().startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).trim());
      }
    }
    return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }

  private static long vocabularies() {
    return QuarkusTransaction.requiringNew().call(() -> Vocabulary.count());
  }
}
