package dev.ovid.web.api;

import static dev.ovid.web.api.ApiUsers.auditor;
import static dev.ovid.web.api.ApiUsers.mlops;
import static dev.ovid.web.api.ApiUsers.product;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ovid.web.cli.CliRun;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drafts, published versions, diffs, export and import through REST and the CLI. */
@QuarkusTest
class VocabularyVersionsResourceTest {
  @TestHTTPResource("/")
  URL base;

  private long id;
  private String name;

  @BeforeEach
  void vocabulary() {
    name = "versions-api-" + UUID.randomUUID().toString().substring(0, 8);
    id =
        product()
            .body(Map.of("name", name))
            .post("/api/vocabularies")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
  }

  @Test
  void publishFreezesVersionsAndDiffShowsWhatChanged() {
    product()
        .body(
            Map.of(
                "labels",
                List.of(
                    Map.of("name", "football", "kind", "entity"),
                    Map.of("name", "tennis", "kind", "action", "synonyms", List.of("lawn tennis")),
                    Map.of("name", "golf"))))
        .post("/api/vocabularies/{id}/labels", id)
        .then()
        .statusCode(201)
        .body("find { it.name == 'tennis' }.synonyms", equalTo(List.of("lawn tennis")));
    product()
        .body(Map.of("comment", "v1"))
        .post("/api/vocabularies/{id}/publish", id)
        .then()
        .statusCode(201)
        .body("version", equalTo(1))
        .body("labelCount", equalTo(3))
        .body("sha256", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}"));
    product()
        .body(Map.of())
        .post("/api/vocabularies/{id}/publish", id)
        .then()
        .statusCode(409)
        .body("error", containsString("equals version 1"));

    JsonPath draft = product().get("/api/vocabularies/{id}", id).jsonPath();
    long golf = draft.getLong("labels.find { it.name == 'golf' }.id");
    long tennis = draft.getLong("labels.find { it.name == 'tennis' }.id");
    product().delete("/api/vocabularies/{id}/labels/{l}", id, golf).then().statusCode(204);
    product()
        .body(Map.of("kind", "action", "description", "racket sport"))
        .patch("/api/vocabularies/{id}/labels/{l}", id, tennis)
        .then()
        .statusCode(200)
        .body("description", equalTo("racket sport"));
    product()
        .body(Map.of("name", "Skiing"))
        .post("/api/vocabularies/{id}/labels", id)
        .then()
        .statusCode(201);
    product()
        .body(Map.of("name", "skiing"))
        .post("/api/vocabularies/{id}/labels", id)
        .then()
        .statusCode(409)
        .body("error", containsString("'skiing' already exists"));
    product()
        .body(Map.of("name", "x".repeat(201)))
        .post("/api/vocabularies/{id}/labels", id)
        .then()
        .statusCode(400)
        .body("error", containsString("longer than 200 characters"));

    product()
        .get("/api/vocabularies/{id}/diff?from=1", id)
        .then()
        .statusCode(200)
        .body("to", equalTo(null))
        .body("added.name", equalTo(List.of("Skiing")))
        .body("removed.name", equalTo(List.of("golf")))
        .body("changed.name", equalTo(List.of("tennis")));
    product()
        .body(Map.of("comment", "v2"))
        .post("/api/vocabularies/{id}/publish", id)
        .then()
        .statusCode(201);
    auditor()
        .get("/api/vocabularies/{id}/diff?from=1&to=2", id)
        .then()
        .statusCode(200)
        .body("added.name", equalTo(List.of("Skiing")));
    auditor()
        .get("/api/vocabularies/{id}/versions/1", id)
        .then()
        .statusCode(200)
        .body("labels.name", equalTo(List.of("football", "golf", "tennis")));
    auditor()
        .get("/api/vocabularies/{id}/versions", id)
        .then()
        .body("version", equalTo(List.of(2, 1)));
    String csv =
        auditor()
            .get("/api/vocabularies/{id}/versions/2/export?format=csv", id)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertTrue(csv.startsWith("name,kind,description,synonyms,source\n"), csv);
    assertTrue(csv.contains("tennis,action,racket sport,lawn tennis,human"), csv);
    auditor()
        .get("/api/vocabularies/{id}/versions/2/export?format=json", id)
        .then()
        .statusCode(200)
        .body("labels.name", hasItems("Skiing", "football", "tennis"));
    mlops().body(Map.of()).post("/api/vocabularies/{id}/publish", id).then().statusCode(403);
  }

  @Test
  void importsAFileAndAPublicListAndTheCliPrintsTheSummaryAsJson() throws Exception {
    product()
        .contentType("text/plain")
        .body("cooking\n\ncooking\n" + "y".repeat(201) + "\n")
        .post("/api/vocabularies/{id}/import?format=lines&file=l.txt", id)
        .then()
        .statusCode(200)
        .body("added", equalTo(1))
        .body("duplicates", equalTo(1))
        .body("rejected", hasSize(1))
        .body("rejected[0].line", equalTo(4));
    product()
        .post("/api/vocabularies/{id}/import-public/kinetics-400", id)
        .then()
        .statusCode(200)
        .body("added", equalTo(400));

    Path file = Files.createTempFile("labels-", ".csv");
    Files.writeString(file, "name,kind\nsurfing,action\nbad,colour\ncooking,action\n");
    CliRun cli =
        CliRun.of(
            base,
            "vocab",
            "import",
            "--vocabulary",
            name,
            "--file",
            file.toString(),
            "--json",
            "--user",
            "product",
            "--password",
            "product");
    assertEquals(0, cli.exit(), cli.out() + "\n" + cli.err());
    List<String> lines = cli.out().lines().toList();
    assertEquals(
        "{\"added\": 1, \"duplicates\": 1, \"rejected\": [{\"line\": 3, \"value\": \"bad\","
            + " \"reason\": \"kind 'colour' is not one of entity, action, scene, other\"}]}",
        lines.get(lines.size() - 1));
  }
}
