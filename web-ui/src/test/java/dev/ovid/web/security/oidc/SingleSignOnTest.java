package dev.ovid.web.security.oidc;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import dev.ovid.registry.audit.AuditLog;
import dev.ovid.registry.user.UserService;
import dev.ovid.web.testing.LogCapture;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Logging in through an OpenID Connect provider (a real one on loopback, {@link
 * TestOpenIdProvider}): the user lands in Ovid with the roles the token grants, mapped and filtered
 * to Ovid's, and gets an ordinary Ovid session; no Ovid role, or a disabled account, is refused;
 * roles follow the provider at each login; all of it audited.
 */
@QuarkusTest
@TestProfile(SingleSignOnTest.WithProvider.class)
class SingleSignOnTest {
  @TestHTTPResource("/")
  URL base;

  @Inject UserService users;
  @Inject AuditLog audit;

  public static class WithProvider implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
      return List.of(new TestResourceEntry(TestOpenIdProvider.class));
    }
  }

  private static String fresh(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void aBrowserLogsInThroughTheProviderAndGetsTheMappedRole() {
    String name = fresh("sso-alice");
    try (dev.ovid.web.ui.Browser browser = new dev.ovid.web.ui.Browser()) {
      Page page = browser.page;
      page.setDefaultTimeout(30_000);
      com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
      page.navigate(base + "login");
      assertThat(page.locator("#sso-login"))
          .hasText("Log in with " + TestOpenIdProvider.DISPLAY_NAME);
      page.locator("#sso-login").click();
      // The provider's own login page.
      page.locator("#username").fill(name);
      page.locator("#password").fill(TestOpenIdProvider.PASSWORD);
      page.locator("#groups").fill("ovid-operators, auditor, staff");
      page.locator("#sign-in").click();
      assertThat(page.locator("#current-user")).hasText(name);

      assertEquals(Set.of("ml-ops", "auditor"), users.get(name).roleSet());
      assertTrue(
          audit.history("user", name).stream()
              .anyMatch(
                  e ->
                      e.action.equals("user.logged-in")
                          && e.detailJson.contains("oidc:" + TestOpenIdProvider.DISPLAY_NAME)));
      // An ml-ops user may launch runs: the Runs page offers the launch form.
      page.navigate(base + "runs");
      assertThat(page.locator("#launch-button")).isVisible();
      for (var c : browser.cookies()) {
        assertTrue(c.httpOnly || c.name.equals("JSESSIONID"), c.name + " is not HttpOnly");
      }
      page.locator("#logout-button").click();
      assertThat(page.locator("#login-form")).isVisible();
    }
  }

  @Test
  void theProvidersGroupsDecideTheRolesAtEveryLogin() {
    String name = fresh("sso-carol");
    Response first = loginThroughProvider(name, "product-owner");
    first.then().statusCode(200).body(containsString("Logged in as " + name));
    assertEquals(Set.of("product-owner"), users.get(name).roleSet());
    // The Ovid session (login cookie and session id; the provider's cookie is only for /sso)
    // opens the UI like a password login's does.
    String credential = first.getCookie("quarkus-credential");
    String session = first.getCookie("ovid-session");
    assertNotNull(credential);
    assertNotNull(session);
    given()
        .redirects()
        .follow(false)
        .cookie("quarkus-credential", credential)
        .cookie("ovid-session", session)
        .get("/vocabularies")
        .then()
        .statusCode(200);

    loginThroughProvider(name, "approver,unknown-group").then().statusCode(200);
    assertEquals(Set.of("approver"), users.get(name).roleSet());
    assertTrue(
        audit.history("user", name).stream()
            .anyMatch(
                e ->
                    e.action.equals("user.roles-changed")
                        && e.actor.equals("oidc:" + TestOpenIdProvider.DISPLAY_NAME)));
  }

  @Test
  void noOvidRoleOrADisabledAccountIsRefused() {
    String nobody = fresh("sso-bob");
    Response refused = loginThroughProvider(nobody, "staff");
    refused.then().statusCode(403).body(containsString("gives you no Ovid role"));
    assertFalse(refused.getCookies().containsKey("quarkus-credential"));
    assertTrue(users.find(nobody).isEmpty(), "a user without any Ovid role was created");

    String disabled = fresh("sso-dave");
    users.create(disabled, "long-enough-1", List.of("auditor"), "test");
    users.setEnabled(disabled, false, "test");
    Response off = loginThroughProvider(disabled, "auditor");
    off.then().statusCode(403).body(containsString("disabled"));
    assertFalse(off.getCookies().containsKey("quarkus-credential"));
  }

  @Test
  void neitherTheClientSecretNorATokenReachesTheLog() {
    String text;
    try (LogCapture logged = new LogCapture()) {
      loginThroughProvider(fresh("sso-logs"), "auditor").then().statusCode(200);
      loginThroughProvider(fresh("sso-logs"), "staff").then().statusCode(403);
      text = logged.text();
    }
    assertFalse(text.contains(TestOpenIdProvider.CLIENT_SECRET), "client secret logged");
    // Signed tokens (ID and access) are JWTs, whose header always starts so.
    assertFalse(text.contains("eyJ"), "a token was logged");
    assertTrue(text.contains("holds no Ovid role"), "the refusal was not logged: " + text);
  }

  @Test
  void aWrongProviderPasswordNeverReachesOvid() {
    Response start = given().redirects().follow(false).get("/sso/login");
    start.then().statusCode(302);
    Map<String, String> params = query(start.getHeader("Location"));
    params.put("username", "mallory");
    params.put("password", "guess");
    given()
        .redirects()
        .follow(false)
        .formParams(params)
        .post(authorizeUrl(start.getHeader("Location")))
        .then()
        .statusCode(401);
  }

  /**
   * What a browser does: Ovid sends it to the provider, the provider's form sends it back with a
   * code, quarkus-oidc exchanges the code and returns to /sso/login, which starts Ovid's session.
   */
  private Response loginThroughProvider(String username, String groups) {
    Response start = given().redirects().follow(false).get("/sso/login");
    start.then().statusCode(302);
    String authorize = start.getHeader("Location");
    Map<String, String> cookies = new HashMap<>(start.getCookies());
    Map<String, String> params = query(authorize);
    params.put("username", username);
    params.put("password", TestOpenIdProvider.PASSWORD);
    params.put("groups", groups);
    Response back =
        given().redirects().follow(false).formParams(params).post(authorizeUrl(authorize));
    back.then().statusCode(302);
    Response exchanged =
        given()
            .redirects()
            .follow(false)
            .cookies(cookies)
            .urlEncodingEnabled(false)
            .get(back.getHeader("Location"));
    exchanged.then().statusCode(302).header("Location", endsWith("/sso/login"));
    cookies.putAll(exchanged.getCookies());
    return given().redirects().follow(false).cookies(cookies).get("/sso/login");
  }

  private static String authorizeUrl(String location) {
    return location.substring(0, location.indexOf('?'));
  }

  private static Map<String, String> query(String location) {
    String raw = location.substring(location.indexOf('?') + 1);
    return java.util.Arrays.stream(raw.split("&"))
        .map(p -> p.split("=", 2))
        .collect(
            Collectors.toMap(
                p -> java.net.URLDecoder.decode(p[0], java.nio.charset.StandardCharsets.UTF_8),
                p ->
                    p.length < 2
                        ? ""
                        : java.net.URLDecoder.decode(p[1], java.nio.charset.StandardCharsets.UTF_8),
                (a, b) -> b,
                HashMap::new));
  }
}
