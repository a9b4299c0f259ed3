package dev.ovid.model.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.ovid.model.core.CounterRandom;
import dev.ovid.model.core.OvidModel;
import dev.ovid.model.core.OvidModels;
import dev.ovid.model.core.Precision;
import dev.ovid.model.core.Tensors;
import dev.ovid.model.video.VideoEncoderConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Ovid against itself: video inference (2 videos × 8 frames, T = 4) in float32 and in BF16 mixed
 * precision from the same CLIP folder and frames, alternating, warm; medians and the cosine of the
 * two embeddings. A cheaper companion of {@code bin/ovid bench model --precision bf16} when the
 * machine is too loaded for the full run. Not a test.
 *
 * <p>Usage: {@code PrecisionBenchmark CLIP_DIR [reps=3]} (e.g. {@code .ovid/bench/clip-base-17}).
 */
public final class PrecisionBenchmark {
  public static void main(String[] args) {
    Path clipDir = Path.of(args[0]);
    int reps = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    VideoEncoderConfig video = VideoEncoderConfig.defaults();
    try (OvidModel fp32 = OvidModels.classNamePrompt(clipDir, video, 17, Precision.FP32);
        OvidModel bf16 = OvidModels.classNamePrompt(clipDir, video, 17, Precision.BF16);
        NDManager data = NDManager.newBaseManager()) {
      int size = fp32.videoEncoder().frameEncoder().imageSize();
      NDArray frames =
          Tensors.normal(data, new Shape(2, 8, 3, size, size), 0.25, new CounterRandom(99))
              .add(0.5f)
              .clip(0f, 1f);
      List<Double> a = new ArrayList<>();
      List<Double> b = new ArrayList<>();
      float[] ea = null;
      float[] eb = null;
      for (int i = 0; i <= reps; i++) {
        long t0 = System.nanoTime();
        ea = fp32.embedVideos(frames).toFloatArray();
        double ms32 = (System.nanoTime() - t0) / 1e6;
        t0 = System.nanoTime();
        eb = bf16.embedVideos(frames).toFloatArray();
        double ms16 = (System.nanoTime() - t0) / 1e6;
        System.out.printf("rep %d: fp32 %.0f ms, bf16 %.0f ms%n", i, ms32, ms16);
        if (i > 0) {
          a.add(ms32);
          b.add(ms16);
        }
      }
      double dot = 0;
      for (int i = 0; i < ea.length; i++) {
        dot += ea[i] * eb[i];
      }
      Timings ta = Timings.of(a);
      Timings tb = Timings.of(b);
      System.out.printf(
          "video inference fp32 %s%n                bf16 %s%nbf16/fp32 %.3f; mean cosine of the"
              + " embeddings %.5f%n",
          ta.describe(), tb.describe(), tb.median() / ta.median(), dot / 2);
    }
  }
}
