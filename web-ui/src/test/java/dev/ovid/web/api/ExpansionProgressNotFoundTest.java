package dev.ovid.web.api;

import static dev.ovid.web.api.ApiUsers.product;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Asking for the progress of an expansion that does not exist is a JSON 404, not a 500. */
@QuarkusTest
class ExpansionProgressNotFoundTest {
  @Test
  void anUnknownWorkflowIsNotFound() {
    product()
        .get("/api/expansions/no-such-expansion-4711")
        .then()
        .statusCode(404)
        .body("error", containsString("no expansion 'no-such-expansion-4711'"));
  }
}
