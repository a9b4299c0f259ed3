package dev.ovid.model.shapes;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.ovid.model.core.Tensors;
import dev.ovid.model.t5.SentencePieceTokenizer;
import dev.ovid.model.t5.T5Model;
import java.nio.file.Path;
import java.util.List;

/**
 * Pretrains the shapes T5 with {@code -Dsteps}, {@code -Dbatch}, {@code -Dlr}, {@code -Dwidth},
 * {@code -Dseed} into {@code -Dwork}, prints its report, then the cosines between its decoded
 * states (8 greedy steps, flattened) for "features of a NAME circle in a video" over three colours
 * under each of their names: how close the LLM puts a colour's other names. Not a test.
 */
public final class T5PretrainingDiagnostics {
  private T5PretrainingDiagnostics() {}

  public static void main(String[] args) {
    T5Pretraining.Settings s =
        new T5Pretraining.Settings(
            Integer.getInteger("steps", 600),
            Integer.getInteger("batch", 32),
            Float.parseFloat(System.getProperty("lr", "3e-3")),
            Integer.getInteger("width", 32),
            Long.getLong("seed", 7));
    Path dir = Path.of(System.getProperty("work", "/tmp/t5-diag"));
    long started = System.nanoTime();
    T5Pretraining.Report r = T5Pretraining.pretrain(s, dir, System.out::println);
    System.out.printf("%s in %.0f s%n", r, (System.nanoTime() - started) / 1e9);
    List<String> names =
        List.of("red", "crimson", "scarlet", "green", "emerald", "jade", "blue", "azure", "navy");
    try (NDManager m = NDManager.newBaseManager()) {
      T5Model t5 = T5Model.load(dir, m);
      SentencePieceTokenizer tokenizer = SentencePieceTokenizer.load(dir.resolve("tokenizer.json"));
      NDArray[] ids =
          tokenizer.encodeBatch(
              names.stream().map(n -> "features of a " + n + " circle in a video").toList(), m);
      NDArray encoded = t5.encode(t5.embed(ids[0]), ids[1]);
      NDArray hidden = t5.greedyDecode(encoded, ids[1], 8).hidden().reshape(names.size(), -1);
      NDArray unit = Tensors.normalizeRows(hidden);
      float[] c = unit.matMul(unit.transpose()).toFloatArray();
      for (int i = 0; i < names.size(); i++) {
        StringBuilder b = new StringBuilder(String.format("%-8s", names.get(i)));
        for (int j = 0; j < names.size(); j++) {
          b.append(String.format(" %5.2f", c[i * names.size() + j]));
        }
        System.out.println(b);
      }
    }
  }
}
