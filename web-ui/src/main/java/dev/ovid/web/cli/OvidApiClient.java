package dev.ovid.web.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A small client of Ovid's REST API for command-line use (HTTP basic). */
final class OvidApiClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String authorization;

  OvidApiClient(String base, String user, String password) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  JsonNode get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  JsonNode post(String path, Object body) {
    try {
      return send(
          HttpRequest.newBuilder(URI.create(base + path))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  JsonNode put(String path, Object body) {
    try {
      return send(
          HttpRequest.newBuilder(URI.create(base + path))
              .header("Content-Type", "application/json")
              .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Posts a file's bytes as the request body. */
  JsonNode postFile(String path, java.nio.file.Path file) {
    try {
      return send(
          HttpRequest.newBuilder(URI.create(base + path))
              .header("Content-Type", "application/octet-stream")
              .POST(HttpRequest.BodyPublishers.ofFile(file)));
    } catch (java.io.FileNotFoundException e) {
      throw new CliException("no such file: " + file);
    }
  }

  /**
   * Posts a multipart/form-data body: the text {@code fields} and, when {@code file} is not null,
   * the file as part {@code fileField}. Waits up to {@code timeout} for the answer.
   */
  JsonNode postMultipart(
      String path,
      java.util.Map<String, String> fields,
      String fileField,
      java.nio.file.Path file,
      Duration timeout) {
    String boundary = "ovid-" + java.util.UUID.randomUUID();
    java.util.List<byte[]> parts = new java.util.ArrayList<>();
    fields.forEach(
        (name, value) ->
            parts.add(
                ("--"
                        + boundary
                        + "\r\nContent-Disposition: form-data; name=\""
                        + name
                        + "\"\r\n\r\n"
                        + value
                        + "\r\n")
                    .getBytes(StandardCharsets.UTF_8)));
    try {
      if (file != null) {
        parts.add(
            ("--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\""
                    + fileField
                    + "\"; filename=\""
                    + file.getFileName()
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        parts.add(java.nio.file.Files.readAllBytes(file));
        parts.add("\r\n".getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new CliException("cannot read " + file + ": " + e.getMessage());
    }
    parts.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArrays(parts)),
        timeout);
  }

  JsonNode delete(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
  }

  private JsonNode send(HttpRequest.Builder request) {
    return send(request, Duration.ofSeconds(30));
  }

  private JsonNode send(HttpRequest.Builder request, Duration timeout) {
    HttpResponse<String> response;
    try {
      response =
          http.send(
              request.header("Authorization", authorization).timeout(timeout).build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new CliException(
          "cannot reach Ovid at " + base + ": " + e.getMessage() + " (is it up? bin/ovid up)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted");
    }
    if (response.statusCode() >= 400) {
      throw new CliException(
          "Ovid answered HTTP " + response.statusCode() + ": " + errorOf(response));
    }
    try {
      return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
    } catch (IOException e) {
      throw new CliException("Ovid answered something that is not JSON: " + response.body());
    }
  }

  /** The API's error message (and details), or the body cut short when it is not an error body. */
  private static String errorOf(HttpResponse<String> response) {
    try {
      JsonNode body = JSON.readTree(response.body());
      if (body != null && body.hasNonNull("error")) {
        StringBuilder out = new StringBuilder(body.get("error").asText());
        JsonNode details = body.path("details");
        if (details.isArray()
            && details.size() > 0
            && !(details.size() == 1 && details.get(0).asText().equals(out.toString()))) {
          details.forEach(d -> out.append("\n  - ").append(d.asText()));
        }
        return out.toString();
      }
    } catch (IOException | RuntimeException e) {
      // not JSON: fall through to the raw body
    }
    String raw = response.body() == null ? "" : response.body();
    return raw.length() > 300 ? raw.substring(0, 300) + "…" : raw;
  }

  /** A failure to report to the user in one line, without a stack trace. */
  static final class CliException extends RuntimeException {
    CliException(String message) {
      super(message);
    }
  }
}
