package dev.ovid.model.embeddings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Device;
import dev.ovid.model.core.CounterRandom;
import dev.ovid.model.core.Precision;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The libtorch scorer gives the database's scalar similarities (bf16: to 8 significant bits). */
class LabelScorerTest {

  @Test
  void matchesTheDatabaseSimilaritiesInFloat32AndBf16() {
    int labels = 300;
    int dim = 64;
    CounterRandom random = new CounterRandom(5, 1);
    List<LabelEntry> entries = new ArrayList<>();
    float[][] rows = new float[labels][dim];
    for (int l = 0; l < labels; l++) {
      entries.add(new LabelEntry("id" + l, "label " + l));
      for (int k = 0; k < dim; k++) {
        rows[l][k] = (float) random.nextGaussian();
      }
    }
    LabelEmbeddingDatabase db =
        LabelEmbeddingDatabase.build(
            entries,
            names ->
                names.stream()
                    .map(n -> rows[Integer.parseInt(n.substring(6))])
                    .toArray(float[][]::new),
            64,
            "test@1");
    float[][] videos = new float[3][dim];
    for (float[] v : videos) {
      double norm = 0;
      for (int k = 0; k < dim; k++) {
        v[k] = (float) random.nextGaussian();
        norm += v[k] * v[k];
      }
      for (int k = 0; k < dim; k++) {
        v[k] /= (float) Math.sqrt(norm);
      }
    }
    double[][] expected = db.similarities(videos);
    try (LabelScorer fp32 = LabelScorer.of(db, Device.cpu(), Precision.FP32);
        LabelScorer bf16 = LabelScorer.of(db, Device.cpu(), Precision.BF16)) {
      assertEquals(labels, fp32.size());
      assertEquals(dim, fp32.dimension());
      float[][] a = fp32.scores(videos);
      float[][] b = bf16.scores(videos);
      for (int v = 0; v < videos.length; v++) {
        for (int l = 0; l < labels; l++) {
          assertEquals(expected[v][l], a[v][l], 1e-5, "fp32 video " + v + " label " + l);
          assertEquals(expected[v][l], b[v][l], 2e-2, "bf16 video " + v + " label " + l);
        }
      }
      assertThrows(
          IllegalArgumentException.class, () -> fp32.scores(new float[][] {new float[dim + 1]}));
    }
  }
}
