package dev.ovid.web.api;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The dev users of application.properties, as RestAssured requests with HTTP basic. */
final class ApiUsers {
  private ApiUsers() {}

  static RequestSpecification mlops() {
    return as("mlops", "mlops");
  }

  static RequestSpecification product() {
    return as("product", "product");
  }

  static RequestSpecification auditor() {
    return as("auditor", "auditor");
  }

  static RequestSpecification as(String user, String password) {
    return given().auth().preemptive().basic(user, password).contentType(ContentType.JSON);
  }
}
