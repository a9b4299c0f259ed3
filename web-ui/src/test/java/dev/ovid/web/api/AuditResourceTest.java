package dev.ovid.web.api;

import static dev.ovid.web.api.ApiUsers.auditor;
import static dev.ovid.web.api.ApiUsers.mlops;
import static dev.ovid.web.api.ApiUsers.product;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditResourceTest {

  @Test
  void auditorsAndMlOpsReadTheNewestEventsFirst() {
    String name = "audit-" + UUID.randomUUID().toString().substring(0, 8);
    product().body(Map.of("name", name)).post("/api/vocabularies").then().statusCode(201);
    auditor()
        .queryParam("limit", 50)
        .get("/api/audit")
        .then()
        .statusCode(200)
        .body("detail.name", hasItem(name));
    mlops()
        .queryParam("limit", 1)
        .get("/api/audit")
        .then()
        .statusCode(200)
        .body("size()", equalTo(1));
  }

  @Test
  void productOwnersMayNotReadTheAuditLog() {
    product().get("/api/audit").then().statusCode(403);
    given().get("/api/audit").then().statusCode(401);
  }

  @Test
  void theApiIsDescribedByOpenApi() {
    given()
        .accept("application/json")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body(
            "paths.'/api/runs'.post.responses.'400'.description",
            org.hamcrest.Matchers.notNullValue())
        .body("paths.'/api/runs/{id}'.get", org.hamcrest.Matchers.notNullValue())
        .body(
            "paths.'/api/vocabularies/{id}/labels/{labelId}'.delete",
            org.hamcrest.Matchers.notNullValue())
        .body("paths.'/api/audit'.get", org.hamcrest.Matchers.notNullValue());
  }
}
