package dev.ovid.web.classify;

import dev.ovid.registry.common.ConflictException;
import dev.ovid.registry.common.NotFoundException;
import dev.ovid.registry.common.ServiceUnavailableException;
import dev.ovid.registry.common.TooLargeException;
import dev.ovid.registry.common.ValidationException;
import dev.ovid.registry.model.ModelRegistry;
import dev.ovid.registry.model.ModelVersion;
import dev.ovid.registry.objectstore.ObjectStore;
import dev.ovid.registry.objectstore.S3Location;
import dev.ovid.registry.objectstore.StoredObject;
import dev.ovid.registry.temporal.TemporalConnection;
import dev.ovid.registry.vocabulary.VocabularyVersion;
import dev.ovid.registry.vocabulary.VocabularyVersions;
import dev.ovid.workflows.classification.ClassificationRequest;
import dev.ovid.workflows.classification.ClassificationResult;
import dev.ovid.workflows.classification.ClassificationWorkflow;
import dev.ovid.workflows.common.BadInputException;
import dev.ovid.workflows.common.ObjectRef;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Classifies a video through a worker: checks everything it can first (vocabulary, model, size),
 * stages an uploaded video in the object store, runs the classification workflow (inference queue)
 * and waits for its answer. An uploaded video is removed again whatever the outcome: nothing of a
 * failed request stays behind.
 */
@ApplicationScoped
public class Classifier {
  private static final Logger LOG = Logger.getLogger(Classifier.class);
  static final String UPLOADS = "classify/uploads/";

  @Inject VocabularyVersions vocabularies;
  @Inject ModelRegistry models;
  @Inject ObjectStore store;
  @Inject TemporalConnection temporal;
  @Inject ClassifySettings settings;

  /** Classifies an uploaded file. */
  public ClassificationOutcome classifyUpload(
      Path file,
      String vocabulary,
      Integer vocabularyVersion,
      String model,
      Integer top,
      String actor) {
    long size = sizeOf(file);
    if (size > settings.maxUploadBytes()) {
      throw new TooLargeException(
          "the video is " + size + " bytes; uploads are limited to " + settings.maxUploadBytes());
    }
    if (size == 0) throw new ValidationException("the uploaded video is empty");
    Target target = resolve(vocabulary, vocabularyVersion, model);
    long start = System.nanoTime();
    String key = UPLOADS + UUID.randomUUID();
    StoredObject stored = store.put(key, file);
    long uploadMs = (System.nanoTime() - start) / 1_000_000;
    try {
      return run(
          target,
          new ObjectRef(stored.uri(), stored.sha256(), stored.size()),
          top,
          actor,
          uploadMs,
          start);
    } finally {
      try {
        store.delete(key);
      } catch (RuntimeException e) {
        LOG.warnf(e, "could not remove the staged upload %s", stored.uri());
      }
    }
  }

  /** Classifies a video already in the object store. */
  public ClassificationOutcome classifyUri(
      String uri,
      String vocabulary,
      Integer vocabularyVersion,
      String model,
      Integer top,
      String actor) {
    S3Location.parse(uri); // 400 for anything but s3://
    Target target = resolve(vocabulary, vocabularyVersion, model);
    return run(target, new ObjectRef(uri, null, 0), top, actor, 0, System.nanoTime());
  }

  private record Target(ModelVersion model, VocabularyVersion vocabulary) {}

  private Target resolve(String vocabulary, Integer vocabularyVersion, String model) {
    String name = ValidationException.requireText("vocabulary", vocabulary);
    VocabularyVersion v = vocabularies.resolve(name, vocabularyVersion);
    v = vocabularies.get(v.id);
    ModelVersion m = models.resolve(model);
    return new Target(m, v);
  }

  private ClassificationOutcome run(
      Target target, ObjectRef video, Integer top, String actor, long uploadMs, long start) {
    int k = top == null ? settings.defaultTop() : top;
    if (k < 0) throw new ValidationException("top must be 0 (all) or more, not " + k);
    String down = temporal.problem();
    if (down != null)
      throw new ServiceUnavailableException("Temporal is not reachable: " + down, null);
    String workflowId = "ovid-classify-" + UUID.randomUUID();
    ClassificationWorkflow workflow =
        temporal
            .client()
            .newWorkflowStub(
                ClassificationWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(workflowId)
                    .setTaskQueue(temporal.settings().queues().workflows())
                    .setWorkflowExecutionTimeout(settings.timeout())
                    .build());
    ClassificationResult result;
    try {
      WorkflowClient.start(
          workflow::classify,
          new ClassificationRequest(video, target.model().id, target.vocabulary().id, k, actor));
      result =
          WorkflowStub.fromTyped(workflow)
              .getResult(
                  settings.timeout().toMillis(), TimeUnit.MILLISECONDS, ClassificationResult.class);
    } catch (WorkflowFailedException e) {
      throw translate(e, workflowId);
    } catch (TimeoutException e) {
      throw new ServiceUnavailableException(
          "no worker answered classification "
              + workflowId
              + " in "
              + settings.timeout()
              + ": is a worker polling "
              + temporal.settings().queues().inference()
              + "?",
          e);
    }
    var t = result.timings();
    long totalMs = (System.nanoTime() - start) / 1_000_000;
    return new ClassificationOutcome(
        target.model().modelName + "@" + target.model().version,
        target.model().version,
        target.vocabulary().ref(),
        target.vocabulary().version,
        result.threshold(),
        result.labelCount(),
        result.expandedOnDemand(),
        result.labels(),
        new ClassificationOutcome.Timings(
            uploadMs,
            t.expansionMs(),
            t.downloadMs(),
            t.decodeMs(),
            t.encodeMs(),
            t.scoreMs(),
            totalMs));
  }

  /** Bad input found by the worker becomes a 4xx naming the problem; the rest a 503. */
  public static RuntimeException translate(WorkflowFailedException e, String workflowId) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure app) {
        String type = app.getType();
        String message = app.getOriginalMessage();
        if (BadInputException.class.getName().equals(type)
            || ValidationException.class.getName().equals(type)) {
          return new ValidationException(message);
        }
        if (NotFoundException.class.getName().equals(type)) return new NotFoundException(message);
        if (ConflictException.class.getName().equals(type)) return new ConflictException(message);
      }
    }
    return new ServiceUnavailableException(
        "classification " + workflowId + " failed: " + rootMessage(e), e);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) t = t.getCause();
    return t instanceof ApplicationFailure app ? app.getOriginalMessage() : t.getMessage();
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (java.io.IOException e) {
      throw new ValidationException("cannot read the uploaded video: " + e.getMessage());
    }
  }
}
