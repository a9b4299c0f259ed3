package dev.ovid.web.cli;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ovid.registry.user.UserService;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code ovid users add|list|roles|passwd|disable|enable} against the REST API, as admin. */
@QuarkusTest
class UsersCommandTest {
  @TestHTTPResource("/")
  URL base;

  @Inject UserService users;

  private CliRun run(String... args) {
    return CliRun.of(base, args);
  }

  private static int apiStatus(String user, String password) {
    return given().auth().preemptive().basic(user, password).get("/api/runs").statusCode();
  }

  @Test
  void anAdminManagesAUserFromTheCommandLine() {
    String name = "cli-user-" + UUID.randomUUID().toString().substring(0, 8);
    CliRun added =
        run("users", "add", name, "--roles", "auditor", "--new-password", "first-password-1");
    assertEquals(0, added.exit(), added.err());
    assertTrue(added.out().contains(name) && added.out().contains("enabled"), added.out());
    assertEquals(200, apiStatus(name, "first-password-1"));

    CliRun listed = run("users", "list");
    assertEquals(0, listed.exit(), listed.err());
    assertTrue(listed.out().lines().anyMatch(l -> l.startsWith(name + " ")), listed.out());

    assertEquals(0, run("users", "roles", name, "--roles", "ml-ops,approver").exit());
    assertEquals(Set.of("ml-ops", "approver"), users.get(name).roleSet());

    assertEquals(0, run("users", "passwd", name, "--new-password", "second-password-2").exit());
    assertEquals(401, apiStatus(name, "first-password-1"));
    assertEquals(200, apiStatus(name, "second-password-2"));

    CliRun disabled = run("users", "disable", name);
    assertEquals(0, disabled.exit(), disabled.err());
    assertTrue(disabled.out().contains("disabled"), disabled.out());
    assertEquals(401, apiStatus(name, "second-password-2"));

    CliRun enabled = run("users", "enable", name);
    assertEquals(0, enabled.exit(), enabled.err());
    assertEquals(200, apiStatus(name, "second-password-2"));
  }

  @Test
  void badInputAndMissingRightsAreOneLineErrors() {
    String name = "cli-user-" + UUID.randomUUID().toString().substring(0, 8);
    CliRun badRole =
        run("users", "add", name, "--roles", "superuser", "--new-password", "long-enough-1");
    assertEquals(1, badRole.exit());
    assertTrue(badRole.err().contains("superuser"), badRole.err());
    assertEquals(1, badRole.err().strip().lines().count(), badRole.err());
    assertTrue(users.find(name).isEmpty());

    CliRun notAdmin = run("users", "list", "--user", "mlops", "--password", "mlops");
    assertEquals(1, notAdmin.exit());
    assertEquals(1, notAdmin.err().strip().lines().count(), notAdmin.err());
  }
}
