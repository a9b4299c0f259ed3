package dev.ovid.model.t5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Java T5 reproduces Hugging Face's T5ForConditionalGeneration on tiny random checkpoints:
 * encoder output for prefix-augmented inputs_embeds, and the first greedy decoder steps.
 */
class T5ModelParityTest {
  private static final float TOLERANCE = 1e-4f;
  private static final int STEPS = 8; // as many as the fixture holds (at least the 4 asked for)

  @ParameterizedTest(name = "{0} from {1}")
  @CsvSource({"flan, flan", "flan, flan-bf16", "flan, flan-f16", "relu-tied, relu-tied"})
  void matchesHuggingFaceEncoderAndGreedyDecoder(String reference, String checkpoint) {
    try (NDManager manager = NDManager.newBaseManager()) {
      T5Model t5 = T5Model.load(T5Fixtures.root().resolve(checkpoint), manager);
      Map<String, NDArray> ref = T5Fixtures.reference(reference, manager);

      NDArray embeds = ref.get("prefix").concat(t5.embed(ref.get("input_ids")), 1);
      assertEquals(0f, T5Fixtures.maxAbsError(embeds, ref.get("inputs_embeds")));

      NDArray encoder = t5.encode(embeds, ref.get("mask"));
      float encoderError = T5Fixtures.maxAbsError(encoder, ref.get("encoder_hidden"));

      DecodedSequence decoded = t5.greedyDecode(encoder, ref.get("mask"), STEPS);
      float decoderError = T5Fixtures.maxAbsError(decoded.hidden(), ref.get("greedy_hidden"));
      System.out.printf(
          "T5 parity %s (%s): encoder max abs error %.3g, decoder %d-step hidden max abs error"
              + " %.3g%n",
          checkpoint, t5.config().feedForward(), encoderError, STEPS, decoderError);

      assertTrue(encoderError <= TOLERANCE, "encoder error " + encoderError);
      NDArray viaBlock =
          t5.forward(new ParameterStore(manager, false), new NDList(embeds, ref.get("mask")), false)
              .singletonOrThrow();
      assertEquals(0f, T5Fixtures.maxAbsError(viaBlock, encoder), "DJL Block forward = encode");
      assertArrayEquals(ref.get("greedy_tokens").toLongArray(), decoded.tokens().toLongArray());
      assertTrue(decoderError <= TOLERANCE, "decoder error " + decoderError);
    }
  }
}
