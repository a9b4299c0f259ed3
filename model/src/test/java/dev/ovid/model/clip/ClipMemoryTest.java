package dev.ovid.model.clip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Forward passes leave no arrays in the model's own manager: callers free a batch's activations by
 * closing the manager of its inputs (frame loops would otherwise grow without bound).
 */
class ClipMemoryTest {
  static final Path TINY = Path.of("src/test/resources/fixtures/clip-tiny");

  @Test
  void forwardPassesAllocateOnlyInTheCallersManager() throws Exception {
    try (ClipModel clip = ClipModel.load(TINY, Device.cpu())) {
      int before = resourceCount(clip.manager());
      for (int i = 0; i < 3; i++) {
        try (NDManager batch = clip.manager().newSubManager()) {
          int withBatch = resourceCount(clip.manager());
          NDArray pixels = batch.randomNormal(new Shape(2, 3, 32, 32));
          clip.vision().forwardPixels(null, pixels, false);
          NDArray ids = batch.create(clip.tokenizer().encodeBatch(List.of("a dog", "a cat")));
          clip.text().forwardTokens(null, ids, false);
          clip.text()
              .forwardEmbeddings(
                  null, clip.text().tokenEmbeddings(ids), clip.text().eosPositions(ids), false);
          assertEquals(
              withBatch, resourceCount(clip.manager()), "arrays left in the model's manager");
        }
      }
      assertEquals(before, resourceCount(clip.manager()));
      NDArray features = clip.encodeTexts(List.of("a dog"));
      assertEquals(before + 1, resourceCount(clip.manager()), "encodeTexts keeps only its result");
      features.close();
    }
  }

  /** Arrays and sub-managers a manager owns directly (DJL keeps them in a protected map). */
  private static int resourceCount(NDManager manager) throws ReflectiveOperationException {
    Field f = BaseNDManager.class.getDeclaredField("resources");
    f.setAccessible(true);
    return ((Map<?, ?>) f.get(manager)).size();
  }
}
