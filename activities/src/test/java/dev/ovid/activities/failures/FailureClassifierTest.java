package dev.ovid.activities.failures;

import static org.junit.jupiter.api.Assertions.*;

import dev.ovid.activities.ingestion.tfrecord.TfRecordFormatException;
import dev.ovid.registry.common.ServiceUnavailableException;
import dev.ovid.registry.dataset.manifest.ManifestFormatException;
import dev.ovid.workflows.common.BadInputException;
import io.temporal.failure.ApplicationFailure;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class FailureClassifierTest {

  @Test
  void aMalformedManifestIsNonRetryableBadInputWithItsMessage() {
    var failure =
        FailureClassifier.classify(new ManifestFormatException("/data/x.png", 1, "not JSON"));
    var app = assertInstanceOf(ApplicationFailure.class, failure);
    assertTrue(app.isNonRetryable());
    assertEquals(BadInputException.class.getName(), app.getType());
    assertTrue(app.getOriginalMessage().contains("/data/x.png"), app.getOriginalMessage());
  }

  @Test
  void badInputWrappedInAnIoErrorIsStillBadInput() {
    var wrapped =
        new UncheckedIOException(
            "reading s3://b/train.tfrecord",
            new TfRecordFormatException(
                TfRecordFormatException.Kind.DATA_CRC, "s3://b/train.tfrecord", 120, "bad crc"));
    assertTrue(FailureClassifier.isBadInput(wrapped));
  }

  @Test
  void aServiceThatIsDownIsTransient() {
    var down = new ServiceUnavailableException("MLflow at http://x: HTTP 503", null);
    var app = assertInstanceOf(ApplicationFailure.class, FailureClassifier.classify(down));
    assertFalse(app.isNonRetryable());
    assertEquals(ServiceUnavailableException.class.getName(), app.getType());
    assertEquals("MLflow at http://x: HTTP 503", app.getOriginalMessage());
    assertNull(app.getCause(), "no cause chain: Temporal caps a failure's size");
    assertFalse(FailureClassifier.isBadInput(down));
  }

  @Test
  void anUnknownFailureIsRetried() {
    var stopped = new IllegalStateException("training stopped at step 7: worker shutting down");
    var app = assertInstanceOf(ApplicationFailure.class, FailureClassifier.classify(stopped));
    assertFalse(app.isNonRetryable());
    assertEquals(IllegalStateException.class.getName(), app.getType());
  }
}
