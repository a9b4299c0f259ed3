package dev.ovid.web.ui;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Every page's head links Ovid's icon, and the icon is served before anyone logs in. */
@QuarkusTest
class OvidAppShellTest {

  @Test
  void theLoginPageLinksTheIcon() {
    given()
        .get("/login")
        .then()
        .statusCode(200)
        .body(containsString("href=\"" + OvidAppShell.ICON + "\""))
        .body(containsString("rel=\"icon\""));
  }

  @Test
  void theIconIsServedWithoutLogin() {
    given()
        .redirects()
        .follow(false)
        .get("/" + OvidAppShell.ICON)
        .then()
        .statusCode(200)
        .contentType(startsWith("image/svg+xml"))
        .body(containsString("<svg"));
  }
}
