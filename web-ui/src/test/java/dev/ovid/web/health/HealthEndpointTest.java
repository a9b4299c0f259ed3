package dev.ovid.web.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HealthEndpointTest {

  @Test
  void reportsEachServiceSeparatelyWithItsEndpoint() {
    // 200 when all are up, 503 when one is down: either way the body lists every service.
    JsonPath body =
        given()
            .get("/q/health/ready")
            .then()
            .statusCode(org.hamcrest.Matchers.oneOf(200, 503))
            .extract()
            .jsonPath();
    List<String> names = body.getList("checks.name");
    org.hamcrest.MatcherAssert.assertThat(
        names, containsInAnyOrder("database", "temporal", "mlflow", "minio", "workers"));
    org.hamcrest.MatcherAssert.assertThat(
        body.getList("checks.data.endpoint"), everyItem(notNullValue()));
    for (Map<String, Object> check : body.<Map<String, Object>>getList("checks")) {
      if ("DOWN".equals(check.get("status"))) {
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) check.get("data");
        String error = String.valueOf(data.get("error"));
        assertNotNull(data.get("error"), check.get("name") + " is down without saying why");
        assertFalse(error.contains("\n"), "one line, no stack trace: " + error);
      }
    }
  }

  @Test
  void theDatabaseIsUpAndNamedByItsUrl() {
    given()
        .get("/q/health/ready")
        .then()
        .body("checks.find { it.name == 'database' }.status", equalTo("UP"))
        .body(
            "checks.find { it.name == 'database' }.data.endpoint",
            startsWith("jdbc:postgresql://127.0.0.1:62432/"));
  }

  @Test
  void healthNeedsNoLogin() {
    given().get("/q/health/live").then().statusCode(200);
    given().get("/q/health/ready").then().statusCode(not(401));
  }

  @Test
  void temporalSaysWhetherItIsDurable() {
    given()
        .get("/q/health/ready")
        .then()
        .body("checks.find { it.name == 'temporal' }.data.durable", notNullValue())
        .body("checks.find { it.name == 'temporal' }.data.namespace", is("default"));
  }
}
