package dev.ovid.model.clip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClipTextEncoderTest {
  static final Path TINY = Path.of("src/test/resources/fixtures/clip-tiny");

  @Test
  void tokenEmbeddingsFedBackAsInputsGiveTheTokenPathsFeatures() throws IOException {
    try (ClipModel clip = ClipModel.load(TINY, Device.cpu());
        NDManager m = NDManager.newBaseManager(Device.cpu())) {
      ClipTextEncoder text = clip.text();
      NDArray ids = m.create(clip.tokenizer().encodeBatch(List.of("a dog", "a guitar on a stage")));
      NDArray viaEmbeddings =
          text.encodeEmbeddings(text.tokenEmbeddings(ids), text.eosPositions(ids));
      assertArrayEquals(text.encodeTokens(ids).toFloatArray(), viaEmbeddings.toFloatArray());
    }
  }

  @Test
  void rejectsBadEosPositionsAndTooLongSequences() throws IOException {
    try (ClipModel clip = ClipModel.load(TINY, Device.cpu());
        NDManager m = NDManager.newBaseManager(Device.cpu())) {
      ClipTextEncoder text = clip.text();
      NDArray embeds = m.zeros(new Shape(2, 5, text.hiddenSize()));
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> text.encodeEmbeddings(embeds, m.create(new long[] {1, 5})));
      assertTrue(e.getMessage().contains("[0, 5)"), e.getMessage());
      NDArray tooLong = m.zeros(new Shape(1, 78, text.hiddenSize()));
      e =
          assertThrows(
              IllegalArgumentException.class,
              () -> text.encodeEmbeddings(tooLong, m.create(new long[] {3})));
      assertTrue(e.getMessage().contains("77 positions"), e.getMessage());
    }
  }
}
