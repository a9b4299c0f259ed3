package dev.ovid.activities.curation.annotations;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ovid.activities.ingestion.tfrecord.TfRecordWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Whatever bytes a YouTube-8M segment TFRecord holds, only an {@link AnnotationFormatException}
 * escapes. An odd first byte frames the rest as one record with correct checksums, so that the
 * fuzzer reaches the tf.SequenceExample parsing behind the CRC checks.
 */
class Yt8mSegmentFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void onlyAnnotationFormatExceptionsEscape(byte[] input) throws IOException {
    byte[] file = input;
    if (input.length > 0 && (input[0] & 1) == 1) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (TfRecordWriter w = new TfRecordWriter(out)) {
        w.write(Arrays.copyOfRange(input, 1, input.length));
      }
      file = out.toByteArray();
    }
    AnnotationFuzzing.read(AnnotationFormat.YT8M_SEGMENTS, "validate0000.tfrecord", file);
  }
}
