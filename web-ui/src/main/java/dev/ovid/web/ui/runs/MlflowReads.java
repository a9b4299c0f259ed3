package dev.ovid.web.ui.runs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ovid.registry.common.Json;
import dev.ovid.registry.common.ServiceUnavailableException;
import dev.ovid.registry.common.ValidationException;
import dev.ovid.registry.objectstore.ObjectStore;
import dev.ovid.registry.objectstore.S3Location;
import dev.ovid.registry.tracking.MlflowTracker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * What the run page reads from MLflow: a run's small artifacts (plots), straight from its S3
 * artifact root, and the version number MLflow's model registry gave a run's model (MLflow counts
 * on its own, so it can differ from Ovid's).
 */
@ApplicationScoped
public class MlflowReads {
  @Inject MlflowTracker tracker;
  @Inject ObjectStore store;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** The bytes of {@code <artifact root>/<path>} of an MLflow run. */
  public byte[] artifact(String mlflowRunId, String path) {
    if (path.contains("..")) throw new ValidationException("bad artifact path " + path);
    String root = tracker.readRun(mlflowRunId).artifactUri();
    S3Location location = S3Location.parse(root).resolve(path);
    return store.withBucket(location.bucket()).getBytes(location.key());
  }

  /** MLflow's version number of {@code modelName} registered from {@code mlflowRunId}, if any. */
  public Optional<String> registeredVersion(String modelName, String mlflowRunId) {
    String filter =
        "name='"
            + modelName.replace("'", "\\'")
            + "' and run_id='"
            + mlflowRunId.replace("'", "\\'")
            + "'";
    String base = tracker.trackingUri();
    if (base.endsWith("/")) base = base.substring(0, base.length() - 1);
    URI uri =
        URI.create(
            base
                + "/api/2.0/mlflow/model-versions/search?filter="
                + URLEncoder.encode(filter, StandardCharsets.UTF_8));
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new ServiceUnavailableException(
            "MLflow answered HTTP " + response.statusCode() + " to " + uri, null);
      }
      JsonNode versions = Json.mapper().readTree(response.body()).path("model_versions");
      return versions.isArray() && versions.size() > 0
          ? Optional.of(versions.get(0).path("version").asText())
          : Optional.empty();
    } catch (java.io.IOException e) {
      throw new ServiceUnavailableException("MLflow at " + base + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServiceUnavailableException("interrupted asking MLflow at " + base, e);
    }
  }
}
