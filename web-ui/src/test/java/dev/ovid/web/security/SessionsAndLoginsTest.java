package dev.ovid.web.security;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import dev.ovid.registry.audit.AuditLog;
import dev.ovid.registry.user.UserService;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Log-in, log-out and password guessing, as a browser and a script would try them. */
@QuarkusTest
class SessionsAndLoginsTest {
  @TestHTTPResource("/")
  URL base;

  @Inject UserService users;
  @Inject AuditLog audit;

  private static Response formLogin(String user, String password) {
    return given()
        .redirects()
        .follow(false)
        .formParam("username", user)
        .formParam("password", password)
        .post("/j_security_check");
  }

  @Test
  void loginCookiesAreHttpOnlyAndStrict() {
    Response login = formLogin("mlops", "mlops");
    login.then().statusCode(302);
    var credential = login.detailedCookie("quarkus-credential");
    var session = login.detailedCookie(LoginSessions.COOKIE);
    assertNotNull(credential);
    assertNotNull(session);
    assertTrue(credential.isHttpOnly(), "quarkus-credential is not HttpOnly");
    assertTrue(session.isHttpOnly(), "ovid-session is not HttpOnly");
    assertEquals("Strict", session.getSameSite());
    // Served over plain HTTP here: Secure would make the browser drop them.
    assertTrue(!credential.isSecured() && !session.isSecured());
  }

  @Test
  void aCookieReplayedAfterLogOutIsRefused() {
    try (dev.ovid.web.ui.Browser browser = new dev.ovid.web.ui.Browser()) {
      Page page = browser.page;
      page.setDefaultTimeout(30_000);
      com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
      page.navigate(base + "runs");
      page.locator("#login-form input[name='username']").fill("auditor");
      page.locator("#login-form input[name='password']").fill("auditor");
      page.locator("#login-form input[name='password']").press("Enter");
      assertThat(page.locator("#current-user")).hasText("auditor");
      String cookies =
          browser.cookies().stream()
              .filter(c -> !c.name.equals("JSESSIONID"))
              .map(c -> c.name + "=" + c.value)
              .collect(Collectors.joining("; "));
      assertTrue(cookies.contains("quarkus-credential="), cookies);
      // Before log-out the copied cookies open the UI.
      given()
          .redirects()
          .follow(false)
          .header("Cookie", cookies)
          .get("/runs")
          .then()
          .statusCode(200);

      page.locator("#logout-button").click();
      assertThat(page.locator("#login-form")).isVisible();

      // After log-out the same cookies are refused on the server and sent to log in.
      given()
          .redirects()
          .follow(false)
          .header("Cookie", cookies)
          .get("/runs")
          .then()
          .statusCode(302)
          .header("Location", endsWith("/login"));
      assertTrue(
          audit.recent(50).stream()
              .anyMatch(e -> e.action.equals("user.logged-out") && e.actor.equals("auditor")));
      for (Cookie c : browser.cookies()) {
        assertTrue(c.httpOnly || c.name.equals("JSESSIONID"), c.name + " is not HttpOnly");
      }
    }
  }

  @Test
  void singleSignOnIsOffUnlessAProviderIsConfigured() {
    given()
        .redirects()
        .follow(false)
        .get("/sso/login")
        .then()
        .statusCode(404)
        .body(containsString("Single sign-on is not configured"));
  }

  @Test
  void aLoginCookieWithoutItsServerSessionIsRefused() {
    String credential = formLogin("mlops", "mlops").cookie("quarkus-credential");
    given()
        .redirects()
        .follow(false)
        .cookie("quarkus-credential", credential)
        .get("/runs")
        .then()
        .statusCode(302)
        .header("Location", endsWith("/login"));
  }

  @Test
  void repeatedFailedLoginsLockTheNameForAWhileAndAreAudited() {
    String name = "guessed-" + UUID.randomUUID().toString().substring(0, 8);
    users.create(name, "right-password-1", List.of("auditor"), "test");
    given()
        .auth()
        .preemptive()
        .basic(name, "right-password-1")
        .get("/api/runs")
        .then()
        .statusCode(200);
    for (int i = 0; i < 5; i++) {
      given().auth().preemptive().basic(name, "wrong-" + i).get("/api/runs").then().statusCode(401);
    }
    // Locked: even the right password is refused now, by the API and by the login form.
    given()
        .auth()
        .preemptive()
        .basic(name, "right-password-1")
        .contentType(ContentType.JSON)
        .get("/api/runs")
        .then()
        .statusCode(401);
    formLogin(name, "right-password-1")
        .then()
        .statusCode(302)
        .header("Location", endsWith("/login?error"));
    var history = audit.history("user", name);
    assertEquals(5, history.stream().filter(e -> e.action.equals("user.login-failed")).count());
    assertTrue(history.stream().anyMatch(e -> e.action.equals("user.login-refused")));
    assertTrue(
        history.stream()
            .filter(e -> e.action.equals("user.login-failed"))
            .reduce((a, b) -> b)
            .orElseThrow()
            .detailJson
            .contains("lockedUntil\":\"20"));
  }
}
