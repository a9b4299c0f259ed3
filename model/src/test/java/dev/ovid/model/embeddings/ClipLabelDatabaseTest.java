package dev.ovid.model.embeddings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import dev.ovid.model.clip.ClipModel;
import dev.ovid.model.label.ClassNamePromptEncoder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The database built by a real label encoder of the method (class-name prompts, tiny CLIP). */
class ClipLabelDatabaseTest {

  static final List<String> LABELS =
      List.of("dog", "cat", "playing the guitar", "red car", "surfing", "birthday cake", "snow");

  @Test
  void rowsEqualTheEncodersOwnEmbeddingsAcrossBatches() throws Exception {
    Path dir =
        Path.of(getClass().getResource("/fixtures/clip-tiny/config.json").toURI()).getParent();
    try (ClipModel clip = ClipModel.load(dir)) {
      ClassNamePromptEncoder encoder = new ClassNamePromptEncoder(clip);
      LabelEmbeddingDatabase db =
          LabelEmbeddingDatabase.build(
              LABELS.stream().map(n -> new LabelEntry(n, n)).toList(),
              BatchLabelEncoder.of(encoder),
              3,
              "clip-tiny/class-name");
      assertEquals(LABELS.size(), db.size());
      NDArray all = encoder.encode(LABELS);
      float[] flat = all.toFloatArray();
      int d = db.dimension();
      assertEquals(all.getShape().get(1), d);
      for (int l = 0; l < LABELS.size(); l++) {
        float[] row = db.embedding(l);
        for (int k = 0; k < d; k++) {
          assertEquals(flat[l * d + k], row[k], 1e-5, LABELS.get(l) + "[" + k + "]");
        }
      }
      // A video embedding equal to a label's own embedding ranks that label first.
      float[][] video = {db.embedding(2)};
      assertEquals("playing the guitar", db.topK(video, 1, 0.07).get(0).get(0).name());
      assertTrue(db.topK(video, 1, 0.07).get(0).get(0).probability() > 0.99);
    }
  }
}
