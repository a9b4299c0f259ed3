package dev.ovid.model.shapes;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.ovid.model.core.OvidModel;
import dev.ovid.model.core.OvidModels;
import dev.ovid.model.metrics.MultiLabelDecisions;
import dev.ovid.model.metrics.MultiLabelMetrics;
import dev.ovid.model.training.OvidTrainer;
import dev.ovid.model.training.SigmoidMultiLabelLoss;
import dev.ovid.model.training.VideoExample;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Two measurements behind the README's note on the motion claim (the shapes experiment), at the
 * standard settings on the pretrained CLIP. Not a test. Run from {@code model/} after {@code
 * test-compile}:
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$CP -Dprobe=bound dev.ovid.model.shapes.ShapesMotionProbes
 * </pre>
 *
 * <ul>
 *   <li>{@code probe=bound}: the best motion AUPR any temporal branch could reach with the frozen
 *       class-name motion labels. The video embedding is the frame mean plus an <em>oracle</em> TMP
 *       token (the unit vector from the mean motion label toward the clip's true motion label) at
 *       weight w relative to the frame mean; the paper's mean of TMP and F frame embeddings is w =
 *       1/F.
 *   <li>{@code probe=trace} ({@code config}, default {@code temporal}): trains as {@code bin/ovid
 *       experiment shapes} does and prints, at steps 0, 1, 10, 100 and the last, the norm of the
 *       temporal position embeddings, of their per-frame differences (what order can be made of:
 *       the part shared by every frame is order-blind), of each block's temporal out_proj and q/k,
 *       and their gradient norms on a fixed batch of 16 training clips.
 * </ul>
 *
 * {@code -Dtails=N} pretrains the CLIP with N batches of tailed frames and motion words instead of
 * the standard 1,200 (0: none), {@code -DentitySteps=N} with N batches of plain frames and entity
 * captions ({@link ShapesExperiment.Settings#withPretrainingSteps}); use a {@code work} folder of
 * their own. {@code work} is the folder (default {@code /tmp/ovid-shapes-diagnostics}, shared with
 * {@link ShapesMotionDiagnostics}: the pretrained CLIP is reused).
 */
public final class ShapesMotionProbes {
  private ShapesMotionProbes() {}

  /**
   * The standard settings (seed {@code -Dseed}, default 7), with {@code -Dtails} and {@code
   * -DentitySteps} in place of the pretraining's motion and entity batch counts when {@code
   * -Dtails} is given.
   */
  static ShapesExperiment.Settings standard() {
    ShapesExperiment.Settings s =
        ShapesExperiment.Settings.standard().withSeed(Long.getLong("seed", 7L));
    int tails = Integer.getInteger("tails", -1);
    return tails >= 0
        ? s.withPretrainingSteps(Integer.getInteger("entitySteps", s.pretraining().steps()), tails)
        : s;
  }

  public static void main(String[] args) throws Exception {
    ShapesExperiment.Settings s = standard();
    Path work = Path.of(System.getProperty("work", "/tmp/ovid-shapes-diagnostics"));
    Files.createDirectories(work);
    Path clipDir = work.resolve("clip-" + s.seed());
    if (!Files.exists(clipDir.resolve("model.safetensors"))) {
      System.out.println(
          ClipPretraining.pretrain(s.clipSpec(), s.pretraining(), clipDir, System.out::println));
    }
    Path t5Dir = OvidModels.tinyRandomT5Dir(s.seed(), work);
    ShapesExperiment experiment = new ShapesExperiment(s, work, System.out::println);
    if (System.getProperty("probe", "bound").equals("bound")) {
      bound(s, clipDir, t5Dir, experiment.testClips());
    } else {
      trace(System.getProperty("config", "temporal"), s, clipDir, t5Dir, experiment);
    }
  }

  private static void bound(
      ShapesExperiment.Settings s, Path clipDir, Path t5Dir, List<ShapesClip> test) {
    List<String> motions = ShapesWorld.actionLabels();
    try (OvidModel model = ShapesExperiment.build("frame-mean", s, clipDir, t5Dir);
        NDManager m = NDManager.newBaseManager()) {
      int n = test.size();
      byte[] all = new byte[n * s.frames() * 3 * s.imageSize() * s.imageSize()];
      for (int i = 0; i < n; i++) {
        byte[] one = ShapesWorld.render(test.get(i), s.frames(), s.imageSize());
        System.arraycopy(one, 0, all, i * one.length, one.length);
      }
      Shape shape = new Shape(n, s.frames(), 3, s.imageSize(), s.imageSize());
      float[] mean =
          model.embedVideos(m.create(ByteBuffer.wrap(all), shape, DataType.UINT8)).toFloatArray();
      float[] labels = model.embedLabels(motions, m).toFloatArray();
      int d = labels.length / motions.size();
      StringBuilder cosines = new StringBuilder("motion label cosines");
      for (int a = 0; a < 4; a++) {
        for (int b = a + 1; b < 4; b++) {
          cosines.append(String.format(" %.2f", dot(labels, a * d, labels, b * d, d)));
        }
      }
      System.out.println(cosines);
      for (double w : new double[] {0, 1.0 / s.frames(), 0.25, 0.5, 1, 2}) {
        double[] scores = new double[n * 4];
        boolean[] positive = new boolean[n * 4];
        int[] video = new int[n * 4];
        int[] label = new int[n * 4];
        for (int i = 0; i < n; i++) {
          int truth = motions.indexOf(ShapesWorld.actionLabel(test.get(i).motion()));
          float[] oracle = new float[d];
          for (int k = 0; k < d; k++) {
            double centre = 0;
            for (int l = 0; l < 4; l++) {
              centre += labels[l * d + k] / 4.0;
            }
            oracle[k] = (float) (labels[truth * d + k] - centre);
          }
          double oracleNorm = Math.sqrt(dot(oracle, 0, oracle, 0, d));
          float[] v = new float[d];
          for (int k = 0; k < d; k++) {
            v[k] = (float) (mean[i * d + k] + w * oracle[k] / oracleNorm);
          }
          double norm = Math.sqrt(dot(v, 0, v, 0, d));
          for (int l = 0; l < 4; l++) {
            int r = i * 4 + l;
            scores[r] = dot(v, 0, labels, l * d, d) / norm;
            positive[r] = l == truth;
            video[r] = i;
            label[r] = l;
          }
        }
        double aupr =
            MultiLabelMetrics.aupr(
                MultiLabelDecisions.of(
                    scores,
                    positive,
                    video,
                    label,
                    test.stream().map(ShapesClip::id).toList(),
                    motions));
        System.out.printf(
            "oracle TMP at weight %.3f of the frame mean: motion AUPR %.3f%n", w, aupr);
      }
    }
  }

  private static void trace(
      String config,
      ShapesExperiment.Settings s,
      Path clipDir,
      Path t5Dir,
      ShapesExperiment experiment) {
    List<String> vocabulary = experiment.split().trainingVocabulary();
    ShapesTrainingSet data =
        new ShapesTrainingSet(experiment.trainClips(), vocabulary, s.frames(), s.imageSize());
    try (OvidModel model = ShapesExperiment.build(config, s, clipDir, t5Dir)) {
      Map<String, NDArray> parameters = model.trainableParameters();
      OvidTrainer trainer = new OvidTrainer(model, ShapesExperiment.trainingConfig(config, s));
      long last = trainer.totalSteps(data);
      Set<Long> at = Set.of(1L, 10L, 100L, last);
      print(0, model, parameters, data, vocabulary);
      trainer.train(
          data,
          (epoch, step, total, loss, rate) -> {
            if (at.contains(step)) {
              print(step, model, parameters, data, vocabulary);
            }
          });
      System.out.printf(
          "reversal shift %.2g%n",
          ShapesExperiment.reversalShift(model, s, experiment.testClips()));
    }
  }

  private static void print(
      long step,
      OvidModel model,
      Map<String, NDArray> parameters,
      ShapesTrainingSet data,
      List<String> vocabulary) {
    StringBuilder out = new StringBuilder("step " + step + ":");
    try (NDManager m = model.manager().newSubManager()) {
      NDList frames = new NDList();
      float[] targets = new float[16 * vocabulary.size()];
      for (int i = 0; i < 16; i++) {
        VideoExample e = data.get(i * data.size() / 16, m);
        frames.add(e.frames());
        for (int p : e.positives()) {
          targets[i * vocabulary.size() + p] = 1;
        }
      }
      synchronized (GradientCollector.class) {
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
          NDArray videos = model.videoEncoder().embed(NDArrays.stack(frames), 0.25f);
          NDArray labels = model.labelEncoder().encode(vocabulary);
          collector.backward(
              new SigmoidMultiLabelLoss(0.07f, 1f)
                  .compute(videos, labels, m.create(targets, new Shape(16, vocabulary.size()))));
        }
      }
      for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
        String key = e.getKey();
        NDArray p = e.getValue();
        NDArray g = p.getGradient();
        if (key.matches(".*(pos\\.temporal|temporal\\.(out|q|k)_proj\\.weight)")) {
          out.append(
              String.format(
                  "%n  %s |p| %.3g |grad| %.3g",
                  key.replace("video.branch.", ""), p.norm().getFloat(), g.norm().getFloat()));
          if (key.endsWith("pos.temporal")) {
            out.append(
                String.format(
                    " per-frame part %.3g, of its gradient %.3g",
                    p.sub(p.mean(new int[] {0}, true)).norm().getFloat(),
                    g.sub(g.mean(new int[] {0}, true)).norm().getFloat()));
          }
        }
        g.subi(g);
      }
    }
    System.out.println(out);
  }

  private static double dot(float[] a, int ao, float[] b, int bo, int d) {
    double sum = 0;
    for (int k = 0; k < d; k++) {
      sum += a[ao + k] * (double) b[bo + k];
    }
    return sum;
  }
}
