package dev.ovid.web.ui;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The UI's form login: what the login view's form posts, and what comes back. */
@QuarkusTest
class FormLoginTest {

  @Test
  void rightPasswordSetsTheLoginCookieAndGoesToTheLandingPage() {
    given()
        .redirects()
        .follow(false)
        .formParam("username", "mlops")
        .formParam("password", "mlops")
        .post("/j_security_check")
        .then()
        .statusCode(302)
        .header("Location", endsWith("/"))
        .cookie("quarkus-credential", notNullValue());
  }

  @Test
  void wrongPasswordGoesBackToTheLoginViewWithAnError() {
    given()
        .redirects()
        .follow(false)
        .formParam("username", "mlops")
        .formParam("password", "not-the-password")
        .post("/j_security_check")
        .then()
        .statusCode(302)
        .header("Location", endsWith("/login?error"))
        .header("Set-Cookie", anyOf(nullValue(), not(containsString("quarkus-credential="))));
  }

  @Test
  void theFormLoginCookieDoesNotOpenTheApi() {
    String cookie =
        given()
            .redirects()
            .follow(false)
            .formParam("username", "mlops")
            .formParam("password", "mlops")
            .post("/j_security_check")
            .then()
            .extract()
            .cookie("quarkus-credential");
    given().cookie("quarkus-credential", cookie).get("/api/runs").then().statusCode(401);
  }
}
