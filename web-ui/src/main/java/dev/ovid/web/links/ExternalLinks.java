package dev.ovid.web.links;

import dev.ovid.registry.objectstore.S3Location;
import dev.ovid.registry.temporal.TemporalSettings;
import dev.ovid.registry.tracking.MlflowTracker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Links from a run to the other UIs that hold part of its story: the MLflow run and the Temporal
 * workflow. Base URLs come from configuration so they work behind proxies too.
 */
@ApplicationScoped
public class ExternalLinks {
  @Inject LinkSettings settings;

  @Inject TemporalSettings temporal;
  @Inject MlflowTracker tracker;

  /** Asking MLflow for the experiment id while it is down would slow every page: back off. */
  private static final long RETRY_AFTER_MS = 60_000;

  private volatile String experimentId;
  private volatile long lastFailureMs;

  /** The MLflow UI page of a run of Ovid's experiment. */
  public Optional<String> mlflowRun(String runId) {
    if (runId == null || runId.isBlank()) {
      return Optional.empty();
    }
    return mlflowRun(experimentId(), runId);
  }

  private String experimentId() {
    if (experimentId == null && System.currentTimeMillis() - lastFailureMs > RETRY_AFTER_MS) {
      try {
        experimentId = tracker.experimentId();
      } catch (RuntimeException e) {
        lastFailureMs = System.currentTimeMillis();
      }
    }
    return experimentId;
  }

  /**
   * The MLflow UI page of a run. With the experiment id the link is direct; without it MLflow's
   * {@code #/runs/<id>} route looks the experiment up and redirects.
   */
  public Optional<String> mlflowRun(String experimentId, String runId) {
    if (runId == null || runId.isBlank()) {
      return Optional.empty();
    }
    String base = trim(settings.mlflowUrl());
    return Optional.of(
        experimentId == null || experimentId.isBlank()
            ? base + "/#/runs/" + runId
            : base + "/#/experiments/" + experimentId + "/runs/" + runId);
  }

  /** The Temporal web UI page of a workflow. */
  public Optional<String> temporalWorkflow(String workflowId) {
    if (workflowId == null || workflowId.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(
        trim(temporal.uiUrl())
            + "/namespaces/"
            + encode(temporal.namespace())
            + "/workflows/"
            + encode(workflowId));
  }

  /** The MLflow UI page of a registered model version (MLflow's own version number). */
  public Optional<String> mlflowModelVersion(String modelName, String version) {
    if (modelName == null || version == null || version.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(
        trim(settings.mlflowUrl())
            + "/#/models/"
            + encode(modelName)
            + "/versions/"
            + encode(version));
  }

  /**
   * The MinIO console page of an {@code s3://bucket/key} object (the console addresses a path as
   * base64 of the key); empty for other URIs.
   */
  public Optional<String> minioObject(String uri) {
    if (uri == null || !uri.startsWith("s3://")) {
      return Optional.empty();
    }
    S3Location location = S3Location.parse(uri);
    return Optional.of(
        trim(settings.minioConsoleUrl())
            + "/browser/"
            + encode(location.bucket())
            + "/"
            + Base64.getEncoder().encodeToString(location.key().getBytes(StandardCharsets.UTF_8)));
  }

  private static String trim(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
