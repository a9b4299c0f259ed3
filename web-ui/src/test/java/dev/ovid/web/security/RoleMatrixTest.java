package dev.ovid.web.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.ovid.registry.user.UserService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the OpenAPI document, called as each role, with no credentials and with a
 * wrong password: a role gets past security exactly where the README's role table says so. An
 * operation missing from the table fails the test, so a new endpoint must be given its roles here
 * and in the README.
 */
@QuarkusTest
class RoleMatrixTest {
  /** The README's role table: who may call each operation ("*" = everyone logged in). */
  static final Map<String, Set<String>> TABLE = new LinkedHashMap<>();

  static {
    Set<String> everyone = Set.of("*");
    TABLE.put("GET /api/runs", everyone);
    TABLE.put("GET /api/runs/{id}", everyone);
    TABLE.put("GET /api/runs/{id}/loss", everyone);
    TABLE.put("POST /api/runs", Set.of(Roles.ML_OPS));
    TABLE.put("GET /api/runs/presets", everyone);
    TABLE.put("POST /api/runs/{id}/cancel", Set.of(Roles.ML_OPS));
    TABLE.put("POST /api/runs/{id}/retry", Set.of(Roles.ML_OPS));
    TABLE.put("GET /api/schedules", everyone);
    TABLE.put("GET /api/schedules/{name}", everyone);
    TABLE.put("POST /api/schedules", Set.of(Roles.ML_OPS));
    TABLE.put("PUT /api/schedules/{name}", Set.of(Roles.ML_OPS));
    TABLE.put("POST /api/schedules/{name}/pause", Set.of(Roles.ML_OPS));
    TABLE.put("POST /api/schedules/{name}/resume", Set.of(Roles.ML_OPS));
    TABLE.put("POST /api/schedules/{name}/trigger", Set.of(Roles.ML_OPS));
    TABLE.put("POST /api/schedules/{name}/backfill", Set.of(Roles.ML_OPS));
    TABLE.put("DELETE /api/schedules/{name}", Set.of(Roles.ML_OPS));
    TABLE.put("GET /api/benchmarks", everyone);
    TABLE.put("POST /api/benchmarks", Set.of(Roles.ML_OPS));
    TABLE.put("GET /api/benchmarks/leaderboard", everyone);
    TABLE.put("GET /api/benchmarks/{id}", everyone);
    TABLE.put("GET /api/benchmarks/{id}/results/{position}/pr.svg", everyone);
    TABLE.put("GET /api/vocabularies", everyone);
    TABLE.put("GET /api/vocabularies/{id}", everyone);
    TABLE.put("POST /api/vocabularies", Set.of(Roles.PRODUCT_OWNER));
    TABLE.put("POST /api/vocabularies/{id}/labels", Set.of(Roles.PRODUCT_OWNER));
    TABLE.put("DELETE /api/vocabularies/{id}/labels/{labelId}", Set.of(Roles.PRODUCT_OWNER));
    TABLE.put("GET /api/vocabularies/by-name/{name}", everyone);
    TABLE.put("PATCH /api/vocabularies/{id}/labels/{labelId}", Set.of(Roles.PRODUCT_OWNER));
    TABLE.put("POST /api/vocabularies/{id}/publish", Set.of(Roles.PRODUCT_OWNER));
    TABLE.put("GET /api/vocabularies/{id}/versions", everyone);
    TABLE.put("GET /api/vocabularies/{id}/versions/{version}", everyone);
    TABLE.put("GET /api/vocabularies/{id}/diff", everyone);
    TABLE.put("GET /api/vocabularies/{id}/versions/{version}/export", everyone);
    TABLE.put("POST /api/vocabularies/{id}/import", Set.of(Roles.PRODUCT_OWNER));
    TABLE.put("GET /api/vocabularies/{id}/near-duplicates", everyone);
    TABLE.put("GET /api/vocabularies/public-lists", everyone);
    TABLE.put("POST /api/vocabularies/{id}/import-public/{list}", Set.of(Roles.PRODUCT_OWNER));
    TABLE.put("POST /api/classify", Set.of(Roles.PRODUCT_OWNER, Roles.ML_OPS));
    TABLE.put("POST /api/expansions", Set.of(Roles.PRODUCT_OWNER, Roles.ML_OPS));
    TABLE.put("GET /api/expansions/{workflowId}", everyone);
    TABLE.put("GET /api/expansions/models/{version}", everyone);
    TABLE.put("POST /api/video-indexes", Set.of(Roles.ML_OPS));
    TABLE.put("GET /api/video-indexes", everyone);
    TABLE.put("GET /api/video-indexes/{id}", everyone);
    TABLE.put("GET /api/video-indexes/workflows/{workflowId}", everyone);
    TABLE.put("GET /api/video-indexes/thumbnails/{sha256}", everyone);
    TABLE.put("POST /api/video-indexes/{id}/preview", Set.of(Roles.PRODUCT_OWNER, Roles.ML_OPS));
    TABLE.put("POST /api/batch-classifications", Set.of(Roles.PRODUCT_OWNER, Roles.ML_OPS));
    TABLE.put("GET /api/batch-classifications", everyone);
    TABLE.put("GET /api/batch-classifications/{id}", everyone);
    TABLE.put("GET /api/batch-classifications/workflows/{workflowId}", everyone);
    TABLE.put("GET /api/batch-classifications/{id}/results.csv", everyone);
    TABLE.put("GET /api/batch-classifications/{id}/results.jsonl", everyone);
    TABLE.put("GET /api/models", everyone);
    TABLE.put("GET /api/models/promotions", everyone);
    TABLE.put("POST /api/models/versions/{version}/promote", Set.of(Roles.ML_OPS));
    TABLE.put("POST /api/models/promotions/{id}/approve", Set.of(Roles.APPROVER));
    TABLE.put("POST /api/models/promotions/{id}/reject", Set.of(Roles.APPROVER));
    TABLE.put("GET /api/datasets", everyone);
    TABLE.put("GET /api/datasets/{name}/versions/{version}", everyone);
    TABLE.put("GET /api/datasets/{name}/diff", everyone);
    TABLE.put("POST /api/datasets", Set.of(Roles.ML_OPS));
    TABLE.put("GET /api/audit", Set.of(Roles.AUDITOR, Roles.ML_OPS));
    TABLE.put("GET /api/audit/verify", Set.of(Roles.AUDITOR, Roles.ML_OPS));
    TABLE.put("GET /api/users", Set.of(Roles.ADMIN));
    TABLE.put("POST /api/users", Set.of(Roles.ADMIN));
    TABLE.put("PUT /api/users/{username}/password", Set.of(Roles.ADMIN));
    TABLE.put("PUT /api/users/{username}/roles", Set.of(Roles.ADMIN));
    TABLE.put("PUT /api/users/{username}/enabled", Set.of(Roles.ADMIN));
  }

  /** The UI's pages and who may open them ("*" = everyone logged in). */
  static final Map<String, Set<String>> PAGES =
      Map.ofEntries(
          Map.entry("", Set.of("*")),
          Map.entry("runs", Set.of("*")),
          Map.entry("runs/:id(\\d+)", Set.of("*")),
          Map.entry("vocabularies", Set.of("*")),
          Map.entry("datasets", Set.of("*")),
          Map.entry("benchmarks", Set.of("*")),
          Map.entry("benchmarks/:id(\\d+)", Set.of("*")),
          Map.entry("models", Set.of("*")),
          Map.entry("schedules", Set.of("*")),
          Map.entry("classify", Set.of(Roles.PRODUCT_OWNER, Roles.ML_OPS)),
          Map.entry("video-indexes", Set.of("*")),
          Map.entry("audit", Set.of(Roles.AUDITOR, Roles.ML_OPS)),
          Map.entry("users", Set.of(Roles.ADMIN)));

  /** A dev user per role (their password is their name). */
  static final Map<String, String> USERS =
      Map.of(
          Roles.ML_OPS, "mlops",
          Roles.PRODUCT_OWNER, "product",
          Roles.APPROVER, "approver",
          Roles.AUDITOR, "auditor",
          Roles.ADMIN, "admin");

  @Inject UserService users;

  @Test
  void everyOperationGrantsExactlyTheRolesOfTheTable() {
    JsonPath openapi =
        given().accept(ContentType.JSON).get("/q/openapi?format=json").then().extract().jsonPath();
    Map<String, Map<String, Object>> paths = openapi.getMap("paths");
    // A throwaway user for the wrong-password column, so no real user gets locked out.
    String victim = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
    users.create(victim, "matrix-password-1", List.of(Roles.ADMIN), "test");

    List<String> problems = new ArrayList<>();
    Set<String> seen = new TreeSet<>();
    for (var path : paths.entrySet()) {
      for (String method : path.getValue().keySet()) {
        String operation = method.toUpperCase() + " " + path.getKey();
        if (!path.getKey().startsWith("/api/")) continue;
        seen.add(operation);
        Set<String> allowed = TABLE.get(operation);
        if (allowed == null) {
          problems.add(operation + ": not in the README's role table");
          continue;
        }
        String url = concrete(path.getKey());
        for (var user : USERS.entrySet()) {
          int status = call(method, url, as(user.getValue(), user.getValue()));
          boolean granted = allowed.contains("*") || allowed.contains(user.getKey());
          if (granted && (status == 401 || status == 403)) {
            problems.add(operation + " as " + user.getKey() + ": " + status + ", table grants it");
          }
          if (!granted && status != 403) {
            problems.add(operation + " as " + user.getKey() + ": " + status + ", expected 403");
          }
        }
        int anonymous = call(method, url, given().contentType(ContentType.JSON));
        if (anonymous != 401) problems.add(operation + " anonymous: " + anonymous);
        int wrong = call(method, url, as(victim, "not-the-password"));
        if (wrong != 401) problems.add(operation + " wrong password: " + wrong);
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
    assertEquals(TABLE.keySet(), seen, "the table names operations the API does not have");
  }

  @Test
  void everyPageAllowsExactlyTheRolesOfTheTable() {
    List<String> problems = new ArrayList<>();
    for (String name :
        List.of(
            "dev.ovid.web.ui.home.HomeView",
            "dev.ovid.web.ui.runs.RunsView",
            "dev.ovid.web.ui.runs.RunDetailView",
            "dev.ovid.web.ui.vocabularies.VocabulariesView",
            "dev.ovid.web.ui.datasets.DatasetsView",
            "dev.ovid.web.ui.benchmarks.BenchmarksView",
            "dev.ovid.web.ui.benchmarks.BenchmarkDetailView",
            "dev.ovid.web.ui.models.ModelsView",
            "dev.ovid.web.ui.schedules.SchedulesView",
            "dev.ovid.web.ui.classify.ClassifyView",
            "dev.ovid.web.ui.audit.AuditView",
            "dev.ovid.web.ui.users.UsersView",
            "dev.ovid.web.ui.LoginView")) {
      Class<?> view;
      try {
        view = Class.forName(name);
      } catch (ClassNotFoundException e) {
        problems.add(name + " missing");
        continue;
      }
      String route = view.getAnnotation(Route.class).value();
      Set<String> granted =
          view.isAnnotationPresent(PermitAll.class)
              ? Set.of("*")
              : view.isAnnotationPresent(RolesAllowed.class)
                  ? Set.of(view.getAnnotation(RolesAllowed.class).value())
                  : view.isAnnotationPresent(AnonymousAllowed.class)
                      ? Set.of("anonymous")
                      : Set.of();
      if (route.equals("login")) {
        if (!granted.equals(Set.of("anonymous"))) problems.add("login: " + granted);
        continue;
      }
      Set<String> expected = PAGES.get(route);
      if (expected == null) problems.add(route + ": not in the table of pages");
      else if (!expected.equals(granted)) {
        problems.add(route + ": grants " + granted + ", table says " + expected);
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  private static RequestSpecification as(String user, String password) {
    return given().auth().preemptive().basic(user, password).contentType(ContentType.JSON);
  }

  private static String concrete(String template) {
    return template
        .replace("{id}", "999999999")
        .replace("{labelId}", "999999999")
        .replace("{position}", "0")
        .replace("{workflowId}", "no-such-workflow")
        .replace("{sha256}", "0".repeat(64))
        .replace("{list}", "no-such-list")
        .replace("{version}", "1")
        .replace("{name}", "no-such-dataset")
        .replace("{username}", "no-such-user");
  }

  private static int call(String method, String url, RequestSpecification request) {
    return switch (method) {
      case "get" -> request.get(url).statusCode();
      case "post" -> request.body("{}").post(url).statusCode();
      case "put" -> request.body("{}").put(url).statusCode();
      case "delete" -> request.delete(url).statusCode();
      case "patch" -> request.body("{}").patch(url).statusCode();
      default -> throw new IllegalArgumentException(method);
    };
  }
}
