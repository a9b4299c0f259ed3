package dev.ovid.registry.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ovid.registry.common.ConflictException;
import dev.ovid.registry.common.Json;
import dev.ovid.registry.common.NotFoundException;
import dev.ovid.registry.common.ServiceHealth;
import dev.ovid.registry.common.ServiceUnavailableException;
import dev.ovid.registry.common.ValidationException;
import dev.ovid.registry.objectstore.ObjectStore;
import dev.ovid.registry.objectstore.S3Location;
import dev.ovid.registry.objectstore.StoredObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.mlflow.api.proto.ModelRegistry;
import org.mlflow.api.proto.Service;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.MlflowClientException;
import org.mlflow.tracking.MlflowHttpException;

/**
 * Ovid's MLflow tracking: one run per pipeline run plus child runs per stage, params, buffered
 * metrics, artifacts and model registration. Creation calls are idempotent (runs are found by their
 * ovid.run_id and ovid.stage tags before one is created) because activities get retried.
 *
 * <p>Artifacts are written with the {@link ObjectStore} straight into the run's S3 artifact root:
 * the Java client's artifact API shells out to Python.
 *
 * <p>Plain class: the CDI bean comes from {@link MlflowTrackerProducer}.
 */
public class MlflowTracker implements AutoCloseable {
  public static final String TAG_RUN_ID = "ovid.run_id";
  public static final String TAG_STAGE = "ovid.stage";
  public static final String TAG_WORKFLOW_ID = "ovid.workflow_id";
  public static final String TAG_DATASET_VERSION = "ovid.dataset_version";
  public static final String TAG_VOCABULARY_VERSION = "ovid.vocabulary_version";
  public static final String TAG_GIT_COMMIT = "mlflow.source.git.commit";

  /**
   * The precision the training worker resolved the run's {@code precision} to (fp32, bf16 or fp16).
   */
  public static final String TAG_TRAINING_PRECISION = "ovid.training.precision";

  /** The device the training worker trained on (cpu(), gpu(0)...). */
  public static final String TAG_TRAINING_DEVICE = "ovid.training.device";

  public static final String TAG_PARENT_RUN = "mlflow.parentRunId";
  public static final String TAG_RUN_NAME = "mlflow.runName";

  /** The ovid.stage of the top-level run of a pipeline. */
  public static final String PIPELINE_STAGE = "pipeline";

  private static final System.Logger LOG = System.getLogger(MlflowTracker.class.getName());
  private static final String SERVICE = "mlflow";
  private static final int MAX_PARAMS_PER_BATCH = 100;
  private static final int MAX_PARAM_VALUE = 6000;

  private final MlflowConfig config;
  private final MlflowClient client;
  private final ObjectStore objectStore;
  private volatile String experimentId;

  /**
   * Log-batch requests sent at once. The MLflow client's connection pool keeps two connections per
   * host alive (reused between calls), and the server spends ~0.13 ms of CPU per metric (Python and
   * its database; BENCHMARKS.md), so two requests in flight keep both its workers busy.
   */
  static final int PARALLEL_BATCHES = 2;

  private static final AtomicInteger SENDERS = new AtomicInteger();

  // Sends metric batches off the caller's thread (daemon: never keeps a JVM alive).
  private final ExecutorService metricSender =
      Executors.newFixedThreadPool(
          PARALLEL_BATCHES,
          r -> {
            Thread t = new Thread(r, "ovid-mlflow-metrics-" + SENDERS.incrementAndGet());
            t.setDaemon(true);
            return t;
          });

  public MlflowTracker(MlflowConfig config, ObjectStore objectStore) {
    this.config = config;
    this.client = new MlflowClient(config.trackingUri());
    this.objectStore = objectStore;
  }

  public String trackingUri() {
    return config.trackingUri();
  }

  /** The experiment's id, creating the experiment on first use. */
  public String experimentId() {
    String id = experimentId;
    if (id != null) {
      return id;
    }
    synchronized (this) {
      if (experimentId == null) {
        experimentId =
            call(
                "get or create experiment " + config.experimentName(),
                () -> {
                  var existing = client.getExperimentByName(config.experimentName());
                  if (existing.isPresent()) {
                    return existing.get().getExperimentId();
                  }
                  try {
                    return client.createExperiment(config.experimentName());
                  } catch (MlflowHttpException e) {
                    // Another process created it between our two calls.
                    return client
                        .getExperimentByName(config.experimentName())
                        .orElseThrow(() -> e)
                        .getExperimentId();
                  }
                });
      }
      return experimentId;
    }
  }

  /** The pipeline's top-level run: found by tag ovid.run_id if it exists, else created. */
  public MlflowRun startRun(RunSpec spec) {
    ValidationException.requireText("ovidRunId", spec.ovidRunId());
    Map<String, String> tags = new LinkedHashMap<>();
    putIfPresent(tags, TAG_RUN_ID, spec.ovidRunId());
    putIfPresent(tags, TAG_STAGE, PIPELINE_STAGE);
    putIfPresent(tags, TAG_WORKFLOW_ID, spec.workflowId());
    putIfPresent(tags, TAG_DATASET_VERSION, spec.datasetVersion());
    putIfPresent(tags, TAG_VOCABULARY_VERSION, spec.vocabularyVersion());
    putIfPresent(tags, TAG_GIT_COMMIT, spec.gitCommit());
    if (spec.extraTags() != null) {
      spec.extraTags().forEach((k, v) -> putIfPresent(tags, k, v));
    }
    String name = spec.runName() != null ? spec.runName() : "ovid-run-" + spec.ovidRunId();
    return findOrCreate(spec.ovidRunId(), PIPELINE_STAGE, name, tags);
  }

  /** A child run for one stage ("train", "evaluate"...), nested under {@code parentRunId}. */
  public MlflowRun startStageRun(String parentRunId, String ovidRunId, String stage) {
    ValidationException.requireText("stage", stage);
    if (PIPELINE_STAGE.equals(stage)) {
      throw new ValidationException("'" + PIPELINE_STAGE + "' is the top-level run, not a stage");
    }
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put(TAG_RUN_ID, ovidRunId);
    tags.put(TAG_STAGE, stage);
    tags.put(TAG_PARENT_RUN, parentRunId);
    return findOrCreate(ovidRunId, stage, stage, tags);
  }

  /** The run with tags ovid.run_id = {@code ovidRunId} and ovid.stage = {@code stage}, if any. */
  public Optional<MlflowRun> findRun(String ovidRunId, String stage) {
    String filter =
        "tags.`"
            + TAG_RUN_ID
            + "` = '"
            + quote(ovidRunId)
            + "' and tags.`"
            + TAG_STAGE
            + "` = '"
            + quote(stage)
            + "'";
    return call(
        "search runs",
        () -> {
          List<Service.RunInfo> found = client.searchRuns(List.of(experimentId()), filter);
          return found.stream()
              .min((a, b) -> Long.compare(a.getStartTime(), b.getStartTime()))
              .map(
                  info ->
                      new MlflowRun(
                          info.getRunId(), info.getExperimentId(), info.getArtifactUri()));
        });
  }

  /** Logs params through log-batch. Re-logging a param with the same value is harmless. */
  public void logParams(String runId, Map<String, ?> params) {
    List<Service.Param> batch = new ArrayList<>();
    for (var entry : new TreeMap<>(params).entrySet()) {
      String value = String.valueOf(entry.getValue());
      if (value.length() > MAX_PARAM_VALUE) {
        throw new ValidationException(
            "param '" + entry.getKey() + "' is longer than " + MAX_PARAM_VALUE + " characters");
      }
      batch.add(Service.Param.newBuilder().setKey(entry.getKey()).setValue(value).build());
      if (batch.size() == MAX_PARAMS_PER_BATCH) {
        sendParams(runId, batch);
        batch = new ArrayList<>();
      }
    }
    if (!batch.isEmpty()) {
      sendParams(runId, batch);
    }
  }

  public void setTags(String runId, Map<String, String> tags) {
    List<Service.RunTag> list =
        tags.entrySet().stream()
            .map(e -> Service.RunTag.newBuilder().setKey(e.getKey()).setValue(e.getValue()).build())
            .toList();
    call(
        "set tags on run " + runId,
        () -> {
          client.logBatch(runId, List.of(), List.of(), list);
          return null;
        });
  }

  /**
   * Sends metrics with log-batch, at most 1000 per call and {@link #PARALLEL_BATCHES} calls at
   * once; returns when all are stored. If a call fails, the batches of the other calls may be
   * stored: resend only through a {@link MetricBuffer} (which sends one batch per call) where
   * values must not be stored twice.
   */
  public void logMetrics(String runId, List<MetricPoint> metrics) {
    if (metrics.size() <= MetricBuffer.MAX_BATCH) {
      sendBatch(runId, metrics);
      return;
    }
    List<Future<?>> calls = new ArrayList<>();
    for (int from = 0; from < metrics.size(); from += MetricBuffer.MAX_BATCH) {
      List<MetricPoint> chunk =
          metrics.subList(from, Math.min(metrics.size(), from + MetricBuffer.MAX_BATCH));
      calls.add(metricSender.submit(() -> sendBatch(runId, chunk)));
    }
    RuntimeException first = null;
    for (Future<?> call : calls) {
      try {
        call.get();
      } catch (ExecutionException e) {
        if (first == null) {
          first =
              e.getCause() instanceof RuntimeException r
                  ? r
                  : new ServiceUnavailableException(
                      "log metrics to run " + runId + ": " + e.getCause(), e.getCause());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ServiceUnavailableException("log metrics to run " + runId + ": interrupted", e);
      }
    }
    if (first != null) throw first;
  }

  private void sendBatch(String runId, List<MetricPoint> metrics) {
    String body = logBatchJson(runId, metrics);
    call(
        "log metrics to run " + runId,
        () -> {
          client.sendPost("runs/log-batch", body);
          return null;
        });
  }

  /**
   * The log-batch request body, written directly: building protobuf messages and printing them with
   * protobuf's JSON printer cost the client about as much CPU as the server spent storing the
   * values (BENCHMARKS.md, "Tracking overhead"). Non-finite values are spelled as protobuf's JSON
   * mapping spells them.
   */
  static String logBatchJson(String runId, List<MetricPoint> metrics) {
    var encoder = com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance();
    StringBuilder json = new StringBuilder(64 + metrics.size() * 96);
    json.append("{\"run_id\":\"").append(encoder.quoteAsString(runId)).append("\",\"metrics\":[");
    for (int i = 0; i < metrics.size(); i++) {
      MetricPoint m = metrics.get(i);
      if (i > 0) json.append(',');
      json.append("{\"key\":\"").append(encoder.quoteAsString(m.key())).append("\",\"value\":");
      double v = m.value();
      if (Double.isNaN(v)) json.append("\"NaN\"");
      else if (v == Double.POSITIVE_INFINITY) json.append("\"Infinity\"");
      else if (v == Double.NEGATIVE_INFINITY) json.append("\"-Infinity\"");
      else json.append(v);
      json.append(",\"timestamp\":")
          .append(m.timestampMs())
          .append(",\"step\":")
          .append(m.step())
          .append('}');
    }
    return json.append("]}").toString();
  }

  /**
   * A buffer that logs this run's metrics in batches of 1000 from a background thread, so the
   * training loop never waits for MLflow; close (or flush) it to send the rest and wait.
   */
  public MetricBuffer metricBuffer(String runId) {
    return MetricBuffer.async(
        runId, this::sendBatch, MetricBuffer.MAX_BATCH, metricSender, PARALLEL_BATCHES);
  }

  public void setTerminated(String runId, RunOutcome outcome) {
    call(
        "terminate run " + runId,
        () -> {
          client.setTerminated(runId, Service.RunStatus.valueOf(outcome.name()));
          return null;
        });
  }

  /** Reads a run back: status, params, latest metrics, tags. */
  public RunSnapshot readRun(String runId) {
    Service.Run run = call("get run " + runId, () -> client.getRun(runId));
    Map<String, String> params = new TreeMap<>();
    run.getData().getParamsList().forEach(p -> params.put(p.getKey(), p.getValue()));
    Map<String, Double> metrics = new TreeMap<>();
    run.getData().getMetricsList().forEach(m -> metrics.put(m.getKey(), m.getValue()));
    Map<String, String> tags = new TreeMap<>();
    run.getData().getTagsList().forEach(t -> tags.put(t.getKey(), t.getValue()));
    return new RunSnapshot(
        runId,
        run.getInfo().getStatus().name(),
        run.getInfo().getArtifactUri(),
        params,
        metrics,
        tags);
  }

  /** Every logged value of one metric, by step. */
  public List<MetricPoint> metricHistory(String runId, String key) {
    return call(
        "metric history " + key + " of run " + runId,
        () ->
            client.getMetricHistory(runId, key).stream()
                .map(m -> new MetricPoint(m.getKey(), m.getValue(), m.getStep(), m.getTimestamp()))
                .sorted((a, b) -> Long.compare(a.step(), b.step()))
                .toList());
  }

  /**
   * Writes {@code file} to {@code <artifact root>/<artifactPath>} on S3, where the MLflow UI lists
   * it. Overwrites: a retried stage may regenerate its artifacts.
   */
  public StoredObject logArtifact(String runId, String artifactPath, Path file) {
    S3Location target = artifactLocation(runId, artifactPath);
    return objectStore.withBucket(target.bucket()).replace(target.key(), file);
  }

  public StoredObject logArtifact(String runId, String artifactPath, byte[] bytes) {
    S3Location target = artifactLocation(runId, artifactPath);
    return objectStore.withBucket(target.bucket()).replace(target.key(), bytes);
  }

  /** Artifact file paths (relative to the root) as the MLflow server lists them. */
  public List<String> listArtifacts(String runId) {
    List<String> files = new ArrayList<>();
    listArtifacts(runId, "", files);
    return files;
  }

  private void listArtifacts(String runId, String path, List<String> files) {
    String query =
        "artifacts/list?run_id=" + encode(runId) + (path.isEmpty() ? "" : "&path=" + encode(path));
    JsonNode body = readJson(call("list artifacts of run " + runId, () -> client.sendGet(query)));
    for (JsonNode file : body.path("files")) {
      if (file.path("is_dir").asBoolean(false)) {
        listArtifacts(runId, file.path("path").asText(), files);
      } else {
        files.add(file.path("path").asText());
      }
    }
  }

  /**
   * Registers {@code sourceUri} as a version of registered model {@code modelName}, created by
   * {@code runId}. Idempotent: an existing version from the same run is returned. Best effort:
   * returns empty (and never throws) when the server refuses or is unreachable, because the Ovid
   * database, not MLflow, is the registry of record.
   */
  public Optional<String> registerModel(String modelName, String runId, String sourceUri) {
    try {
      // Ask first: the Java client retries a refused create (RESOURCE_ALREADY_EXISTS) with
      // backoff as if it were a rate limit, which stalls every registration after the first.
      if (!registeredModelExists(modelName)) {
        try {
          client.sendPost("registered-models/create", Json.write(Map.of("name", modelName)));
        } catch (MlflowHttpException e) {
          if (!String.valueOf(e.getBodyMessage()).contains("RESOURCE_ALREADY_EXISTS")) {
            throw e;
          }
        }
      }
      String filter = "name='" + quote(modelName) + "' and run_id='" + quote(runId) + "'";
      List<ModelRegistry.ModelVersion> existing = client.searchModelVersions(filter).getItems();
      if (!existing.isEmpty()) {
        return Optional.of(existing.get(0).getVersion());
      }
      String response =
          client.sendPost(
              "model-versions/create",
              Json.write(Map.of("name", modelName, "source", sourceUri, "run_id", runId)));
      return Optional.of(readJson(response).path("model_version").path("version").asText());
    } catch (RuntimeException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "MLflow model registration of " + modelName + " for run " + runId + " failed: " + e);
      return Optional.empty();
    }
  }

  /**
   * Points MLflow's registered-model alias at {@code version} (POST registered-models/alias, as
   * MLflow 2.x and 3.x serve it). Throws {@link ServiceUnavailableException} when MLflow refuses or
   * is down, so the calling activity retries until the mirror matches Ovid's registry.
   */
  public void setModelAlias(String modelName, String alias, int version) {
    call(
        "set alias " + alias + " of " + modelName + " to version " + version,
        () ->
            client.sendPost(
                "registered-models/alias",
                Json.write(
                    Map.of(
                        "name", modelName, "alias", alias, "version", String.valueOf(version)))));
  }

  /**
   * Points MLflow's alias at the MLflow model version made by the same MLflow run as {@code
   * version} (registering it when missing). Normally both registries use one number; where an older
   * Ovid version took MLflow's number, the run still names the right MLflow version.
   */
  public void setModelAlias(dev.ovid.registry.model.ModelVersion version, String alias) {
    if (version.mlflowRunId == null) {
      throw new ValidationException(
          version.modelName + "@" + version.version + " has no MLflow run to mirror an alias to");
    }
    String number =
        registerModel(version.modelName, version.mlflowRunId, version.checkpointUri)
            .orElseThrow(
                () ->
                    new ServiceUnavailableException(
                        "MLflow did not register "
                            + version.modelName
                            + "@"
                            + version.version
                            + "; alias "
                            + alias
                            + " not mirrored",
                        null));
    setModelAlias(version.modelName, alias, Integer.parseInt(number));
  }

  /** The version MLflow's alias points at, or empty when the alias (or model) is not there. */
  public Optional<Integer> modelAlias(String modelName, String alias) {
    try {
      String body =
          client.sendGet(
              "registered-models/alias?name="
                  + java.net.URLEncoder.encode(modelName, java.nio.charset.StandardCharsets.UTF_8)
                  + "&alias="
                  + java.net.URLEncoder.encode(alias, java.nio.charset.StandardCharsets.UTF_8));
      return Optional.of(readJson(body).path("model_version").path("version").asInt());
    } catch (MlflowHttpException e) {
      if (e.getStatusCode() == 404) return Optional.empty();
      throw new ServiceUnavailableException("MLflow alias read failed: " + e.getMessage(), e);
    }
  }

  private boolean registeredModelExists(String modelName) {
    try {
      client.sendGet(
          "registered-models/get?name="
              + java.net.URLEncoder.encode(modelName, java.nio.charset.StandardCharsets.UTF_8));
      return true;
    } catch (MlflowHttpException e) {
      if (e.getStatusCode() == 404) return false;
      throw e;
    }
  }

  /** GET /health with short timeouts; never throws. */
  public ServiceHealth health() {
    try {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(stripSlash(config.trackingUri()) + "/health"))
                  .timeout(Duration.ofSeconds(3))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200
          ? ServiceHealth.up(SERVICE, config.trackingUri())
          : ServiceHealth.down(
              SERVICE, config.trackingUri() + " answered HTTP " + response.statusCode());
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return ServiceHealth.down(
          SERVICE,
          config.trackingUri() + ": " + e.getClass().getSimpleName() + " " + e.getMessage());
    }
  }

  @Override
  public void close() {
    metricSender.shutdown();
    client.close();
  }

  private MlflowRun findOrCreate(
      String ovidRunId, String stage, String runName, Map<String, String> tags) {
    Optional<MlflowRun> existing = findRun(ovidRunId, stage);
    if (existing.isPresent()) {
      return existing.get();
    }
    Service.CreateRun.Builder request =
        Service.CreateRun.newBuilder()
            .setExperimentId(experimentId())
            .setRunName(runName)
            .setStartTime(System.currentTimeMillis());
    tags.forEach((k, v) -> request.addTags(Service.RunTag.newBuilder().setKey(k).setValue(v)));
    Service.RunInfo info = call("create run " + runName, () -> client.createRun(request.build()));
    return new MlflowRun(info.getRunId(), info.getExperimentId(), info.getArtifactUri());
  }

  private S3Location artifactLocation(String runId, String artifactPath) {
    ValidationException.requireText("artifactPath", artifactPath);
    if (artifactPath.contains("..")) {
      throw new ValidationException("artifact path must not contain '..': " + artifactPath);
    }
    String root = readRun(runId).artifactUri();
    if (!root.startsWith("s3://")) {
      throw new ValidationException(
          "MLflow run "
              + runId
              + " has artifact root '"
              + root
              + "'; Ovid writes artifacts only to"
              + " s3:// roots (start the server with --default-artifact-root s3://mlflow/)");
    }
    return S3Location.parse(root).resolve(artifactPath);
  }

  private void sendParams(String runId, List<Service.Param> batch) {
    call(
        "log params to run " + runId,
        () -> {
          client.logBatch(runId, List.of(), batch, List.of());
          return null;
        });
  }

  private <T> T call(String what, Supplier<T> action) {
    try {
      return action.get();
    } catch (MlflowHttpException e) {
      String detail =
          what
              + " at "
              + config.trackingUri()
              + ": HTTP "
              + e.getStatusCode()
              + " "
              + e.getBodyMessage();
      if (e.getStatusCode() == 404
          || String.valueOf(e.getBodyMessage()).contains("RESOURCE_DOES_NOT_EXIST")) {
        throw new NotFoundException(detail);
      }
      if (e.getStatusCode() >= 500 || e.getStatusCode() == 429) {
        throw new ServiceUnavailableException(detail, e);
      }
      if (String.valueOf(e.getBodyMessage()).contains("INVALID_PARAMETER_VALUE")) {
        throw new ConflictException(detail);
      }
      throw new ValidationException(detail);
    } catch (MlflowClientException e) {
      throw new ServiceUnavailableException(
          what + " at " + config.trackingUri() + " failed: " + e.getMessage(), e);
    }
  }

  private static JsonNode readJson(String body) {
    try {
      return Json.mapper().readTree(body);
    } catch (Exception e) {
      throw new ServiceUnavailableException("MLflow answered with malformed JSON: " + body, e);
    }
  }

  private static void putIfPresent(Map<String, String> tags, String key, String value) {
    if (value != null && !value.isBlank()) {
      tags.put(key, value);
    }
  }

  private static String quote(String value) {
    return value.replace("'", "\\'");
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String stripSlash(String uri) {
    return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
  }
}
