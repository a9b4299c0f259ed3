package dev.ovid.activities.failures;

import dev.ovid.activities.curation.vocabulary.VocabularyFormatException;
import dev.ovid.activities.ingestion.tfrecord.TfRecordFormatException;
import dev.ovid.activities.ingestion.video.VideoDecodeException;
import dev.ovid.model.core.TensorArchiveException;
import dev.ovid.registry.common.ConflictException;
import dev.ovid.registry.common.IntegrityException;
import dev.ovid.registry.common.NotFoundException;
import dev.ovid.registry.common.ServiceUnavailableException;
import dev.ovid.registry.common.ValidationException;
import dev.ovid.workflows.common.BadInputException;
import io.temporal.client.ActivityCompletionException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import java.util.List;

/**
 * Decides, once for every activity, whether a failure is bad input or transient.
 *
 * <p>Bad input can never succeed on a retry: a {@link BadInputException}, any registry {@link
 * ValidationException} (a malformed manifest or CSV included), {@link NotFoundException}, {@link
 * ConflictException}, {@link IntegrityException}, an unreadable vocabulary, TFRecord, video or
 * checkpoint. It becomes a non-retryable failure whose message is the run's message.
 *
 * <p>Everything else is transient (a service down, an I/O error, a worker stopping) and is retried
 * with backoff up to {@code TrainingPipelineWorkflowImpl.TRANSIENT_ATTEMPTS} attempts. Temporal's
 * retry policy matches exact class names, so without this a subclass of a non-retryable type (a
 * {@code ManifestFormatException}) was retried for good.
 */
public final class FailureClassifier {
  /** The failure type bad input carries (the workflow's retry policy names it too). */
  public static final String BAD_INPUT = BadInputException.class.getName();

  private static final List<Class<? extends Throwable>> BAD_INPUT_TYPES =
      List.of(
          BadInputException.class,
          ValidationException.class,
          NotFoundException.class,
          ConflictException.class,
          IntegrityException.class,
          VocabularyFormatException.class,
          TfRecordFormatException.class,
          VideoDecodeException.class,
          TensorArchiveException.class);

  private FailureClassifier() {}

  /** True when {@code failure} (or a cause, before any transient one) is bad input. */
  public static boolean isBadInput(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ServiceUnavailableException) return false;
      for (Class<? extends Throwable> type : BAD_INPUT_TYPES) {
        if (type.isInstance(t)) return true;
      }
      if (t.getCause() == t) break;
    }
    return false;
  }

  /** Longest failure message sent to Temporal (the full failure is in the worker's log). */
  static final int MAX_MESSAGE = 2000;

  /**
   * What the activity should throw: bad input as a non-retryable {@link ApplicationFailure}, the
   * rest as a retryable one of the original type. Both carry the message only, no cause chain or
   * stack trace: Temporal replaces a failure over its size limit with "Failure exceeds size
   * limit.", which then is all the run's page could show. Cancellation and Temporal's own failures
   * pass through.
   */
  public static RuntimeException classify(Throwable failure) {
    if (failure instanceof ActivityCompletionException || failure instanceof TemporalFailure) {
      return (RuntimeException) failure;
    }
    String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
    if (message.length() > MAX_MESSAGE) message = message.substring(0, MAX_MESSAGE) + " …";
    ApplicationFailure compact =
        isBadInput(failure)
            ? ApplicationFailure.newNonRetryableFailureWithCause(message, BAD_INPUT, null)
            : ApplicationFailure.newFailureWithCause(message, failure.getClass().getName(), null);
    compact.setStackTrace(new StackTraceElement[0]);
    return compact;
  }
}
