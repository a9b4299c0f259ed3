package dev.ovid.web.videoindex;

import dev.ovid.registry.common.NotFoundException;
import dev.ovid.registry.common.ServiceUnavailableException;
import dev.ovid.registry.common.Sha256;
import dev.ovid.registry.common.ValidationException;
import dev.ovid.registry.dataset.DatasetRegistry;
import dev.ovid.registry.dataset.DatasetVersion;
import dev.ovid.registry.model.ModelRegistry;
import dev.ovid.registry.model.ModelVersion;
import dev.ovid.registry.objectstore.ObjectStore;
import dev.ovid.registry.objectstore.S3Location;
import dev.ovid.registry.temporal.TemporalConnection;
import dev.ovid.registry.videoindex.VideoIndex;
import dev.ovid.registry.videoindex.VideoIndexes;
import dev.ovid.registry.vocabulary.VocabularyVersion;
import dev.ovid.registry.vocabulary.VocabularyVersions;
import dev.ovid.web.classify.Classifier;
import dev.ovid.web.classify.ClassifySettings;
import dev.ovid.workflows.common.ObjectRef;
import dev.ovid.workflows.videoindex.BatchClassificationRequest;
import dev.ovid.workflows.videoindex.BatchClassificationWorkflow;
import dev.ovid.workflows.videoindex.LabelPreviewRequest;
import dev.ovid.workflows.videoindex.LabelPreviewResult;
import dev.ovid.workflows.videoindex.LabelPreviewWorkflow;
import dev.ovid.workflows.videoindex.VideoIndexProgress;
import dev.ovid.workflows.videoindex.VideoIndexRef;
import dev.ovid.workflows.videoindex.VideoIndexRequest;
import dev.ovid.workflows.videoindex.VideoIndexWorkflow;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The control plane's side of video indexes: starts index builds and batch classifications
 * (workflows named from their inputs, so asking twice starts nothing new), follows them through
 * their queries, and runs label previews on a worker, waiting for the answer.
 */
@ApplicationScoped
public class VideoIndexService {
  static final String THUMBNAILS = "video-thumbnails/";

  @Inject TemporalConnection temporal;
  @Inject ModelRegistry models;
  @Inject DatasetRegistry datasets;
  @Inject VocabularyVersions vocabularies;
  @Inject VideoIndexes indexes;
  @Inject ObjectStore store;
  @Inject VideoIndexSettings settings;
  @Inject ClassifySettings classify;

  /** A started (or already running/finished) workflow and what it works on. */
  public record Started(String workflowId, String model, String dataset, String vocabulary) {}

  public Started build(
      String model, String dataset, Integer datasetVersion, Integer shardSize, String actor) {
    ModelVersion m = models.resolve(model);
    DatasetVersion d = dataset(dataset, datasetVersion);
    int size = shardSize == null ? settings.shardSize() : shardSize;
    if (size < 1) throw new ValidationException("shardSize must be at least 1, not " + size);
    VideoIndexRequest request = new VideoIndexRequest(m.id, d.id, size, actor);
    String id = request.workflowId(base());
    start(VideoIndexWorkflow.class, id, stub -> WorkflowClient.start(stub::build, request));
    return new Started(id, ref(m), d.datasetName + "@" + d.version, null);
  }

  public VideoIndexProgress progress(String workflowId) {
    try {
      return temporal.client().newWorkflowStub(VideoIndexWorkflow.class, workflowId).progress();
    } catch (WorkflowNotFoundException e) {
      throw new NotFoundException("no index build " + workflowId);
    }
  }

  public Started classify(
      String model,
      String dataset,
      Integer datasetVersion,
      String vocabulary,
      Integer vocabularyVersion,
      Integer top,
      String actor) {
    ModelVersion m = models.resolve(model);
    DatasetVersion d = dataset(dataset, datasetVersion);
    VocabularyVersion v =
        vocabularies.resolve(
            ValidationException.requireText("vocabulary", vocabulary), vocabularyVersion);
    int k = top == null ? Math.min(classify.defaultTop(), 10) : top;
    if (k < 0)
      throw new ValidationException("top must be 0 (passing labels only) or more, not " + k);
    BatchClassificationRequest request =
        new BatchClassificationRequest(m.id, d.id, v.id, k, settings.shardSize(), actor);
    String id = request.workflowId(base());
    start(
        BatchClassificationWorkflow.class,
        id,
        stub -> WorkflowClient.start(stub::classify, request));
    return new Started(id, ref(m), d.datasetName + "@" + d.version, v.ref());
  }

  public String batchProgress(String workflowId) {
    try {
      return temporal
          .client()
          .newWorkflowStub(BatchClassificationWorkflow.class, workflowId)
          .progress();
    } catch (WorkflowNotFoundException e) {
      throw new NotFoundException("no batch classification " + workflowId);
    }
  }

  /** Scores the index's videos against one label on a worker (inference queue) and waits. */
  public LabelPreviewResult preview(long indexId, String label, Integer top) {
    String text = ValidationException.requireText("label", label).trim();
    if (text.length() > 200) {
      throw new ValidationException("a label has at most 200 characters, not " + text.length());
    }
    VideoIndex index = indexes.get(indexId);
    requireTemporal();
    String workflowId = "ovid-label-preview-" + UUID.randomUUID();
    LabelPreviewWorkflow workflow =
        temporal
            .client()
            .newWorkflowStub(
                LabelPreviewWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(workflowId)
                    .setTaskQueue(temporal.settings().queues().workflows())
                    .setWorkflowExecutionTimeout(settings.previewTimeout())
                    .build());
    VideoIndexRef ref =
        new VideoIndexRef(
            index.id,
            index.modelVersion.id,
            index.datasetVersion.id,
            new ObjectRef(index.uri, index.sha256, 0),
            index.videoCount,
            false);
    try {
      WorkflowClient.start(
          workflow::preview,
          new LabelPreviewRequest(
              ref, text, top == null ? settings.previewTop() : top, settings.previewBins()));
      return WorkflowStub.fromTyped(workflow)
          .getResult(
              settings.previewTimeout().toMillis(),
              TimeUnit.MILLISECONDS,
              LabelPreviewResult.class);
    } catch (WorkflowFailedException e) {
      throw Classifier.translate(e, workflowId);
    } catch (TimeoutException e) {
      throw new ServiceUnavailableException(
          "no worker answered label preview "
              + workflowId
              + " in "
              + settings.previewTimeout()
              + ": is a worker polling "
              + temporal.settings().queues().inference()
              + "?",
          e);
    }
  }

  /** A thumbnail JPEG by its sha256. */
  public InputStream thumbnail(String sha256) {
    String sha = Sha256.require("sha256", sha256);
    return store.open(THUMBNAILS + sha + ".jpg");
  }

  /** A stored result (CSV or JSONL) of this installation's bucket. */
  public InputStream open(String uri) {
    S3Location location = S3Location.parse(uri);
    if (!location.bucket().equals(store.bucket())) {
      throw new NotFoundException("object " + uri + " is not in this installation's bucket");
    }
    return store.open(location.key());
  }

  private DatasetVersion dataset(String name, Integer version) {
    String dataset = ValidationException.requireText("dataset", name);
    return version == null ? datasets.latest(dataset) : datasets.find(dataset, version);
  }

  private interface Starter<T> {
    void start(T stub);
  }

  private <T> void start(Class<T> type, String workflowId, Starter<T> starter) {
    requireTemporal();
    T stub =
        temporal
            .client()
            .newWorkflowStub(
                type,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(workflowId)
                    .setTaskQueue(temporal.settings().queues().workflows())
                    .setWorkflowIdReusePolicy(
                        WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY)
                    .build());
    try {
      starter.start(stub);
    } catch (WorkflowExecutionAlreadyStarted e) {
      // Running or done already: the same inputs give the same index or results.
    }
  }

  private void requireTemporal() {
    String down = temporal.problem();
    if (down != null) {
      throw new ServiceUnavailableException("Temporal is not reachable: " + down, null);
    }
  }

  private String base() {
    return temporal.settings().queues().base();
  }

  private static String ref(ModelVersion m) {
    return m.modelName + "@" + m.version;
  }
}
