package dev.ovid.web.api;

import static dev.ovid.web.api.ApiUsers.auditor;
import static dev.ovid.web.api.ApiUsers.mlops;
import static dev.ovid.web.api.ApiUsers.product;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class VocabulariesResourceTest {

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static long create(String name) {
    return product()
        .body(Map.of("name", name, "description", "made by a test"))
        .post("/api/vocabularies")
        .then()
        .statusCode(201)
        .header("Location", containsString("/api/vocabularies/"))
        .body("name", equalTo(name))
        .body("version", equalTo(1))
        .extract()
        .jsonPath()
        .getLong("id");
  }

  @Test
  void productOwnerChangesLabelsAndEveryChangeLandsInTheAuditLog() {
    String name = unique("vocab-crud");
    long id = create(name);

    long catId =
        product()
            .body(Map.of("names", List.of("cat", "dog")))
            .post("/api/vocabularies/{id}/labels", id)
            .then()
            .statusCode(201)
            .body("name", contains("cat", "dog"))
            .body("provenance", everyItem(equalTo("HUMAN")))
            .extract()
            .jsonPath()
            .getLong("find { it.name == 'cat' }.id");

    product().delete("/api/vocabularies/{id}/labels/{label}", id, catId).then().statusCode(204);

    mlops()
        .get("/api/vocabularies/{id}", id)
        .then()
        .statusCode(200)
        .body("version", equalTo(3))
        .body("labels.name", contains("dog"));

    auditor()
        .queryParam("entityType", "vocabulary")
        .queryParam("entityId", id)
        .get("/api/audit")
        .then()
        .statusCode(200)
        .body(
            "action",
            contains("vocabulary.created", "vocabulary.labels-added", "vocabulary.label-removed"))
        .body("actor", everyItem(equalTo("product")))
        .body("[2].detail.label", equalTo("cat"));
  }

  @Test
  void listsVocabulariesWithLabelCounts() {
    String name = unique("vocab-list");
    long id = create(name);
    product()
        .body(Map.of("name", "running"))
        .post("/api/vocabularies/{id}/labels", id)
        .then()
        .statusCode(201);
    auditor()
        .get("/api/vocabularies")
        .then()
        .statusCode(200)
        .body("find { it.name == '" + name + "' }.labelCount", equalTo(1));
  }

  @Test
  void onlyProductOwnersChangeVocabularies() {
    String name = unique("vocab-forbidden");
    mlops().body(Map.of("name", name)).post("/api/vocabularies").then().statusCode(403);
    auditor().body(Map.of("name", name)).post("/api/vocabularies").then().statusCode(403);
    long id = create(name);
    mlops()
        .body(Map.of("name", "x"))
        .post("/api/vocabularies/{id}/labels", id)
        .then()
        .statusCode(403);
    mlops().get("/api/vocabularies/{id}", id).then().statusCode(200).body("labels", empty());
  }

  @Test
  void anonymousCallersGet401WithABasicChallenge() {
    given()
        .get("/api/vocabularies")
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", containsString("Basic"));
    ApiUsers.as("product", "wrong-password").get("/api/vocabularies").then().statusCode(401);
  }

  @Test
  void duplicateNamesAreConflictsWithAJsonError() {
    String name = unique("vocab-dup");
    create(name);
    product()
        .body(Map.of("name", name))
        .post("/api/vocabularies")
        .then()
        .statusCode(409)
        .body("error", containsString("already exists"));
  }

  @Test
  void blankNamesAreRejectedWithAJsonError() {
    product()
        .body(Map.of("name", "  "))
        .post("/api/vocabularies")
        .then()
        .statusCode(400)
        .body("error", containsString("name must not be blank"))
        .body("details", contains(containsString("name must not be blank")));
  }

  @Test
  void duplicateLabelsAddNothing() {
    long id = create(unique("vocab-dup-label"));
    product()
        .body(Map.of("name", "cat"))
        .post("/api/vocabularies/{id}/labels", id)
        .then()
        .statusCode(201);
    product()
        .body(Map.of("names", List.of("bird", "cat")))
        .post("/api/vocabularies/{id}/labels", id)
        .then()
        .statusCode(409)
        .body("error", containsString("'cat' already exists"));
    product()
        .get("/api/vocabularies/{id}", id)
        .then()
        .body("labels.name", contains("cat"))
        .body("labels.name", not(hasItem("bird")));
  }

  @Test
  void removingALabelOfAnotherVocabularyIs404() {
    long first = create(unique("vocab-a"));
    long second = create(unique("vocab-b"));
    long label =
        product()
            .body(Map.of("name", "cat"))
            .post("/api/vocabularies/{id}/labels", first)
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("[0].id");
    product()
        .delete("/api/vocabularies/{id}/labels/{label}", second, label)
        .then()
        .statusCode(404)
        .body("error", containsString("is not in vocabulary"));
  }

  @Test
  void unknownVocabularyIs404Json() {
    product()
        .get("/api/vocabularies/{id}", Long.MAX_VALUE)
        .then()
        .statusCode(404)
        .body("error", containsString("does not exist"))
        .body("details", notNullValue());
  }
}
