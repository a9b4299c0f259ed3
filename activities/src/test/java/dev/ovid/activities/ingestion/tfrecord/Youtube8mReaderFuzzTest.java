package dev.ovid.activities.ingestion.tfrecord;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ovid.activities.testing.FuzzMessages;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Whatever bytes a YouTube-8M TFRecord file holds, reading it yields videos or a {@link
 * TfRecordFormatException} naming the file and offset. Random bytes almost never pass the CRC
 * checks, so the first input byte chooses: raw bytes as the file (framing), or the rest framed with
 * correct checksums as one record (tf.Example / tf.SequenceExample parsing), video- or frame-level.
 */
class Youtube8mReaderFuzzTest {
  private static final String SOURCE = "fuzz.tfrecord";
  private static final Youtube8mFormat SMALL = new Youtube8mFormat(4, 2, 3);

  @FuzzTest(maxDuration = "30s")
  void onlyTfRecordFormatExceptionsEscape(byte[] input) throws IOException {
    if (input.length == 0) {
      return;
    }
    int mode = input[0] & 3;
    byte[] rest = Arrays.copyOfRange(input, 1, input.length);
    byte[] file = (mode & 1) == 0 ? rest : framed(rest);
    Youtube8mFormat format = (input[0] & 4) == 0 ? SMALL : Youtube8mFormat.DEFAULT;
    try (Youtube8mReader<?> reader =
        (mode & 2) == 0
            ? Youtube8mReader.videoLevel(
                new ByteArrayInputStream(file), SOURCE, format, LabelRemapper.identity())
            : Youtube8mReader.frameLevel(
                new ByteArrayInputStream(file), SOURCE, format, LabelRemapper.identity())) {
      while (reader.next() != null) {
        // read every record
      }
    } catch (TfRecordFormatException e) {
      FuzzMessages.assertClear(e, SOURCE);
    }
  }

  private static byte[] framed(byte[] payload) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TfRecordWriter w = new TfRecordWriter(out)) {
      w.write(payload);
    }
    return out.toByteArray();
  }
}
