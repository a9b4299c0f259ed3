package dev.ovid.web.api;

import static dev.ovid.web.api.ApiUsers.as;
import static dev.ovid.web.api.ApiUsers.mlops;
import static dev.ovid.web.api.ApiUsers.product;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ovid.registry.audit.AuditEvent;
import dev.ovid.registry.common.Sha256;
import dev.ovid.registry.model.ModelAlias;
import dev.ovid.registry.model.ModelPromotion;
import dev.ovid.registry.model.ModelRegistry;
import dev.ovid.registry.model.ModelVersion;
import dev.ovid.registry.model.NewModelVersion;
import dev.ovid.registry.model.Promotions;
import dev.ovid.registry.run.NewRun;
import dev.ovid.registry.run.RunRegistry;
import dev.ovid.registry.tracking.MlflowTracker;
import dev.ovid.web.runs.DemoSeeder;
import dev.ovid.web.runs.RunLauncher;
import dev.ovid.web.testing.TrainedModels;
import dev.ovid.web.testing.TrainedModels.Trained;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Promotion with approval through REST: ml-ops proposes, an approver who did not launch the run
 * decides (four eyes), rollback is promoting an earlier version, and the production alias is
 * mirrored to MLflow's registered-model aliases (read back through MLflow's REST API).
 */
@QuarkusTest
class PromotionResourceTest {
  @Inject RunLauncher launcher;
  @Inject RunRegistry runs;
  @Inject DemoSeeder seeder;
  @Inject ModelRegistry models;
  @Inject Promotions promotions;
  @Inject MlflowTracker mlflow;

  static RequestSpecification approver() {
    return as("approver", "approver");
  }

  /** A registered version whose run the approver launched (no real checkpoint: never loaded). */
  private ModelVersion launchedByApprover() {
    String vocab = "promo-" + UUID.randomUUID();
    var v = seeder.ensureDemoVocabulary();
    var run = runs.create(new NewRun("demo", null, v.name, Map.of(), null), "approver");
    String sha = Sha256.of(vocab.getBytes(StandardCharsets.UTF_8));
    return runs.recordModelVersion(
        run.id,
        new NewModelVersion(models.modelName(), "s3://nowhere/" + sha, sha, null, null, null),
        // A number MLflow will not hand out, so real versions keep MLflow's numbers.
        100_000 + new java.util.Random().nextInt(800_000),
        "test");
  }

  private String promotionStatus(long id) {
    return mlops()
        .get("/api/models/promotions")
        .jsonPath()
        .getString("find { it.id == " + id + " }.status");
  }

  private void awaitStatus(long id, String status) throws InterruptedException {
    for (int i = 0; i < 120 && !status.equals(promotionStatus(id)); i++) Thread.sleep(500);
    assertEquals(status, promotionStatus(id));
  }

  private Optional<ModelVersion> production() {
    return QuarkusTransaction.requiringNew()
        .call(() -> models.aliased(models.modelName(), ModelAlias.PRODUCTION));
  }

  private long propose(int version, String comment) {
    return mlops()
        .body(Map.of("comment", comment))
        .post("/api/models/versions/{v}/promote", version)
        .then()
        .statusCode(202)
        .body("status", equalTo("PENDING"))
        .extract()
        .jsonPath()
        .getLong("id");
  }

  /** One promotion per model may wait for a decision: settle what other tests left waiting. */
  @BeforeEach
  void expireWaitingPromotions() {
    promotions.list(models.modelName()).stream()
        .filter(p -> p.status == ModelPromotion.Status.PENDING)
        .forEach(p -> promotions.expire(p.id));
  }

  @Test
  void promotionNeedsAnApproverWhoDidNotLaunchTheRunAndRollbackPromotesAnEarlierVersion()
      throws Exception {
    Trained real = TrainedModels.demo(launcher, runs, seeder.ensureDemoVocabulary());
    // Registration made the new version the candidate (audited; a later test run may have moved
    // the alias on since), and MLflow's candidate alias follows Ovid's, with the same number.
    assertTrue(
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    AuditEvent.forEntity("model-version", String.valueOf(real.modelVersionId()))
                        .stream()
                        .anyMatch(
                            e ->
                                e.action.equals("model.alias-set")
                                    && e.detailJson.contains("\"candidate\""))),
        "registration set the candidate alias");
    ModelVersion realVersion =
        QuarkusTransaction.requiringNew().call(() -> ModelVersion.findById(real.modelVersionId()));
    Optional<Integer> ovidCandidate = Optional.empty();
    Optional<Integer> mlflowCandidate = Optional.of(-1);
    for (int i = 0; i < 60 && !ovidCandidate.equals(mlflowCandidate); i++) {
      if (i > 0) Thread.sleep(500);
      ovidCandidate =
          QuarkusTransaction.requiringNew()
              .call(() -> models.aliased(models.modelName(), ModelAlias.CANDIDATE))
              .map(m -> m.version);
      mlflowCandidate = mlflow.modelAlias(models.modelName(), ModelAlias.CANDIDATE);
    }
    assertEquals(ovidCandidate, mlflowCandidate, "MLflow's candidate alias is Ovid's candidate");

    ModelVersion mine = launchedByApprover();
    assertTrue(mine.version > real.version());
    long refused = propose(mine.version, "approver's own run");
    approver()
        .body(Map.of("comment", "looks good"))
        .post("/api/models/promotions/{id}/approve", refused)
        .then()
        .statusCode(403)
        .body("error", containsString("launched the run"));
    product()
        .body(Map.of("comment", "me too"))
        .post("/api/models/promotions/{id}/approve", refused)
        .then()
        .statusCode(403);
    promotions.expire(refused);

    // The newer version is in production; going back to the trained one is a rollback.
    models.setAlias(mine.id, ModelAlias.PRODUCTION, "test", "setup");
    long rejected = propose(real.version(), "roll back");
    approver()
        .body(Map.of("comment", "not during the launch"))
        .post("/api/models/promotions/{id}/reject", rejected)
        .then()
        .statusCode(202);
    awaitStatus(rejected, "REJECTED");
    assertEquals(mine.id, production().orElseThrow().id);

    long approved = propose(real.version(), "roll back, take two");
    assertEquals(
        "ROLLBACK",
        mlops()
            .get("/api/models/promotions")
            .jsonPath()
            .getString("find { it.id == " + approved + " }.kind"));
    approver()
        .body(Map.of("comment", "ok now"))
        .post("/api/models/promotions/{id}/approve", approved)
        .then()
        .statusCode(202);
    awaitStatus(approved, "APPROVED");
    for (int i = 0; i < 60 && production().orElseThrow().id != real.modelVersionId(); i++) {
      Thread.sleep(500);
    }
    assertEquals(real.modelVersionId(), production().orElseThrow().id);
    Optional<Integer> expected =
        mlflow
            .registerModel(models.modelName(), realVersion.mlflowRunId, realVersion.checkpointUri)
            .map(Integer::valueOf);
    Optional<Integer> mirrored = Optional.empty();
    for (int i = 0; i < 60; i++) {
      mirrored = mlflow.modelAlias(models.modelName(), ModelAlias.PRODUCTION);
      if (mirrored.equals(expected)) break;
      Thread.sleep(500);
    }
    assertEquals(expected, mirrored, "MLflow's production alias, read through MLflow's REST API");
    mlops()
        .get("/api/models")
        .then()
        .statusCode(200)
        .body(
            "find { it.id == " + real.modelVersionId() + " }.aliases",
            org.hamcrest.Matchers.hasItem("production"));

    List<String> actions =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    AuditEvent.<AuditEvent>list(
                            "entityType = 'model-version' and entityId = ?1 order by id",
                            String.valueOf(real.modelVersionId()))
                        .stream()
                        .map(e -> e.action)
                        .toList());
    assertTrue(
        actions.containsAll(
            List.of(
                "model.promotion-proposed",
                "model.promotion-rejected",
                "model.promotion-approved",
                "model.alias-set")),
        actions.toString());
  }

  @Test
  void onlyMlOpsProposeAndOnlyApproversDecide() {
    product().body(Map.of()).post("/api/models/versions/1/promote").then().statusCode(403);
    approver().body(Map.of()).post("/api/models/versions/1/promote").then().statusCode(403);
    mlops().body(Map.of()).post("/api/models/promotions/1/approve").then().statusCode(403);
    mlops().body(Map.of()).post("/api/models/versions/987654/promote").then().statusCode(404);
  }
}
