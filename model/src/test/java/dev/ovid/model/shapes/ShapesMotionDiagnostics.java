package dev.ovid.model.shapes;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.ovid.model.core.CounterRandom;
import dev.ovid.model.core.OvidModel;
import dev.ovid.model.core.OvidModels;
import dev.ovid.model.core.Tensors;
import dev.ovid.model.metrics.MultiLabelDecisions;
import dev.ovid.model.metrics.MultiLabelMetrics;
import dev.ovid.model.training.OvidTrainer;
import dev.ovid.model.training.TrainingDataset;
import dev.ovid.model.training.TrainingListener;
import dev.ovid.model.training.TrainingResult;
import dev.ovid.model.training.VideoExample;
import dev.ovid.model.video.VideoEncoderConfig;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What moves the shapes experiment's claims (README, the shapes experiment): one configuration
 * trained in seconds with the knobs the README's diagnostics name, then AUPR, the reversal shift
 * ({@link ShapesExperiment#reversalShift}), on training clips how often a clip's own motion scores
 * highest, and seen-label AUPR on the seen entities' test clips and on training clips (a label
 * encoder that collapses loses it on both). Not a test. Run from {@code model/} after {@code
 * test-compile}:
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$CP -Dconfig=temporal -Dlr=1e-2 \
 *     dev.ovid.model.shapes.ShapesMotionDiagnostics
 * </pre>
 *
 * System properties: {@code seed}, {@code work} (folder, kept between runs: the pretrained CLIP is
 * reused, as is the pretrained T5), {@code clip} ({@code pretrained}, the default, or {@code
 * random}), {@code t5} ({@code pretrained}, the default, or {@code random}), {@code config}, {@code
 * lr}, {@code epochs}, {@code layers} (T), {@code w} (the loss's negative weight), {@code repeats}
 * (training clips per seen entity and motion), {@code limit} (training clips), {@code tails} and
 * {@code entitySteps} (the CLIP's pretraining batches, as in {@link ShapesMotionProbes}), {@code
 * holdOutMotion} (a motion, e.g. {@code down}: its label leaves the training vocabulary and its
 * clips the training set; the report adds that label's AUPR over the test clips), {@code twins}
 * (replace each left/up clip by the frame-reversed twin of a right/down one: the same shape, size,
 * path and background), {@code pairBatches} (keep twins in the same batch), {@code motionOnly}
 * (train against the four motion labels only), {@code plainNames} (leave the seen entities under
 * other names of their colour out of the training vocabulary), {@code trainedNames} (how many other
 * names of each colour the training vocabulary uses, 5 by default: all but the held-out one),
 * {@code alphaSweep} (comma-separated α values: after training, the class-name model's AUPRs with
 * its trained weights embedded at each SWR α, 0 being the frozen spatial layers), {@code posStd},
 * {@code qkStd}, {@code outStd} (re-initialise the temporal position embeddings, temporal query/key
 * and temporal output weights at this standard deviation), {@code attributes}, {@code prefixes},
 * {@code softScale} and {@code anchor} (K, N, the soft prompts' size and the answer anchor's weight
 * of the learnable prompts), {@code probe=true} (no training: AUPR of the untrained model over
 * every entity under each label form of {@code forms}, '|'-separated, where C is the colour, S the
 * shape and O the entity under the second other name of its colour: "C O" asks for "red scarlet
 * circle"), and {@code full=true}, which runs the whole experiment at its standard settings and
 * prints the README's table.
 */
public final class ShapesMotionDiagnostics {
  private ShapesMotionDiagnostics() {}

  public static void main(String[] args) throws Exception {
    if (Boolean.getBoolean("full")) {
      full();
      return;
    }
    ShapesExperiment.Settings d = ShapesMotionProbes.standard();
    ShapesExperiment.Settings s =
        new ShapesExperiment.Settings(
            d.seed(),
            Integer.getInteger("repeats", d.trainRepeats()),
            d.testRepeats(),
            Integer.getInteger("limit", 0),
            d.frames(),
            d.imageSize(),
            d.pretraining(),
            d.language(),
            Integer.getInteger("epochs", d.epochs()),
            d.batchSize(),
            Float.parseFloat(System.getProperty("lr", String.valueOf(d.learningRate()))),
            Integer.getInteger("layers", d.temporalLayers()),
            Float.parseFloat(System.getProperty("w", String.valueOf(d.negativeWeight()))),
            d.prompts()
                .withAttributes(Integer.getInteger("attributes", d.prompts().attributes()))
                .withPrefixes(Integer.getInteger("prefixes", d.prompts().prefixes()))
                .withAnswerAnchor(
                    Double.parseDouble(
                        System.getProperty(
                            "softScale", String.valueOf(d.prompts().softPromptScale()))),
                    Double.parseDouble(
                        System.getProperty(
                            "anchor", String.valueOf(d.prompts().answerAnchorWeight())))));
    String config = System.getProperty("config", "temporal");
    Path work = Path.of(System.getProperty("work", "/tmp/ovid-shapes-diagnostics"));
    Files.createDirectories(work);
    Path clipDir =
        System.getProperty("clip", "pretrained").equals("random")
            ? OvidModels.tinyRandomClipDir(s.clipSpec(), s.seed(), work)
            : work.resolve("clip-" + s.seed());
    if (!Files.exists(clipDir.resolve("model.safetensors"))) {
      ClipPretraining.pretrain(s.clipSpec(), s.pretraining(), clipDir, System.out::println);
    }
    ShapesExperiment experiment = new ShapesExperiment(s, work, System.out::println);
    List<ShapesClip> train = experiment.trainClips();
    if (Boolean.getBoolean("twins")) {
      train = twins(train);
    }
    String heldOutMotion = System.getProperty("holdOutMotion");
    if (heldOutMotion != null) {
      train = train.stream().filter(c -> !c.motion().equals(heldOutMotion)).toList();
    }
    List<ShapesClip> test = experiment.testClips();
    List<String> vocabulary =
        Boolean.getBoolean("motionOnly")
            ? ShapesWorld.actionLabels()
            : Boolean.getBoolean("plainNames")
                ? experiment.split().trainingVocabulary()
                : ShapesExperiment.trainingVocabulary(
                    experiment.split(),
                    Integer.getInteger("trainedNames", ShapesExperiment.TRAINED_NAMES));
    if (heldOutMotion != null) {
      String label = ShapesWorld.actionLabel(heldOutMotion);
      vocabulary = vocabulary.stream().filter(l -> !l.equals(label)).toList();
    }
    Path t5Dir =
        System.getProperty("t5", "pretrained").equals("random")
            ? OvidModels.tinyRandomT5Dir(s.seed(), work)
            : work.resolve("t5-" + s.seed());
    if (!Files.exists(t5Dir.resolve("model.safetensors"))) {
      T5Pretraining.pretrain(s.language(), t5Dir, System.out::println);
    }
    try (OvidModel model = ShapesExperiment.build(config, s, clipDir, t5Dir)) {
      reinitialise(model);
      if (Boolean.getBoolean("probe")) {
        List<String> all = ShapesWorld.entityLabels();
        List<String> syn = ShapesWorld.synonymEntityLabels(all, ShapesWorld.HELD_OUT_NAME);
        List<ShapesClip> t = experiment.testClips();
        java.util.function.Function<java.util.function.BiFunction<String, String, String>, Double>
            form =
                f -> {
                  List<String> ls = new ArrayList<>();
                  for (int i = 0; i < all.size(); i++) {
                    ls.add(f.apply(ShapesWorld.colourOf(all.get(i)), syn.get(i)));
                  }
                  return labelsAupr(model, s, t, ls, all);
                };
        for (String f :
            System.getProperty("forms", "C S|O|C O|C rO|C r O|C d O|cir O|C zzz S").split("\\|")) {
          double a =
              form.apply(
                  (c, l) -> f.replace("C", c).replace("O", l).replace("S", ShapesWorld.shapeOf(l)));
          System.out.printf("probe: '%s' %.3f%n", f, a);
        }
        return;
      }
      System.out.println("motion label cosines " + motionCosines(model));
      report("before", model, s, experiment, train, test);
      if (!model.trainableParameters().isEmpty()) {
        TrainingDataset data =
            Boolean.getBoolean("pairBatches")
                ? new PairBatches(train, vocabulary, s)
                : new ShapesTrainingSet(train, vocabulary, s.frames(), s.imageSize());
        TrainingResult result =
            new OvidTrainer(model, ShapesExperiment.trainingConfig(config, s))
                .train(data, TrainingListener.NONE);
        List<Float> losses = result.losses();
        System.out.printf(
            "%d steps, loss %.3f -> %.3f%n",
            losses.size(), losses.get(0), losses.get(losses.size() - 1));
        report("after", model, s, experiment, train, test);
        String sweep = System.getProperty("alphaSweep");
        if (sweep != null) {
          Path weights = work.resolve("sweep-weights.bin");
          model.saveWeights(weights);
          for (String a : sweep.split(",")) {
            VideoEncoderConfig v =
                new VideoEncoderConfig(
                    s.frames(), s.temporalLayers(), 0.5f, Float.parseFloat(a), true);
            try (OvidModel other = OvidModels.classNamePrompt(clipDir, v, s.seed())) {
              other.loadWeights(weights);
              double[] r = ShapesExperiment.evaluate(other, s, experiment.split(), test);
              System.out.printf(
                  "alpha %s: seen %.3f unseen %.3f motion %.3f held-out motion %.3f%n",
                  a,
                  r[0],
                  r[1],
                  r[2],
                  heldOutMotion == null
                      ? Double.NaN
                      : labelAupr(other, s, test, ShapesWorld.actionLabel(heldOutMotion)));
            }
          }
        }
      }
    }
  }

  private static void full() throws Exception {
    Path dir = Files.createTempDirectory("ovid-shapes");
    long started = System.nanoTime();
    ShapesExperiment.Result r =
        new ShapesExperiment(ShapesMotionProbes.standard(), dir, System.out::println).run();
    System.out.printf(
        "end to end %.1f min, pretraining %.0f s, frame zero-shot accuracy %.2f%n",
        (System.nanoTime() - started) / 6e10,
        r.pretrainSeconds(),
        r.pretraining().zeroShotAccuracy());
    for (ShapesExperiment.Row row : r.rows()) {
      System.out.printf(
          "| %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.1g | %d | %.0f s |%n",
          row.config(),
          row.auprSeen(),
          row.auprUnseen(),
          row.auprMotion(),
          row.auprSynonyms(),
          row.auprSynonymsSeen(),
          row.reversalShift(),
          row.steps(),
          row.trainSeconds());
    }
  }

  /** Each right/down clip followed by its frame-reversed twin (left/up); left/up clips dropped. */
  static List<ShapesClip> twins(List<ShapesClip> clips) {
    List<ShapesClip> out = new ArrayList<>();
    for (ShapesClip c : clips) {
      if (c.motion().equals("right") || c.motion().equals("down")) {
        out.add(c);
        out.add(c.moving(c.id() + "-reversed", c.motion().equals("right") ? "left" : "up"));
      }
    }
    return out;
  }

  private static void reinitialise(OvidModel model) {
    Map<String, NDArray> p = model.trainableParameters();
    int n = 0;
    for (Map.Entry<String, NDArray> e : p.entrySet()) {
      String key = e.getKey();
      String property =
          key.endsWith("pos.temporal")
              ? "posStd"
              : key.matches(".*temporal\\.[qk]_proj\\.weight")
                  ? "qkStd"
                  : key.matches(".*temporal\\.out_proj\\.weight") ? "outStd" : null;
      float std = property == null ? 0 : Float.parseFloat(System.getProperty(property, "0"));
      if (std > 0) {
        NDArray r =
            Tensors.normal(model.manager(), e.getValue().getShape(), std, new CounterRandom(11, n));
        e.getValue().set(r.toFloatArray());
        n++;
      }
    }
  }

  private static String motionCosines(OvidModel model) {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray e = model.embedLabels(ShapesWorld.actionLabels(), m);
      float[] c = e.matMul(e.transpose()).toFloatArray();
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < 4; i++) {
        for (int j = i + 1; j < 4; j++) {
          b.append(
              String.format(
                  "%s/%s %.2f ",
                  ShapesWorld.MOTIONS.get(i), ShapesWorld.MOTIONS.get(j), c[i * 4 + j]));
        }
      }
      return b.toString();
    }
  }

  private static void report(
      String when,
      OvidModel model,
      ShapesExperiment.Settings s,
      ShapesExperiment experiment,
      List<ShapesClip> train,
      List<ShapesClip> test) {
    double[] a = ShapesExperiment.evaluate(model, s, experiment.split(), test);
    System.out.printf(
        "%s: AUPR seen %.3f unseen %.3f motion %.3f held-out colour names %.3f (seen entities"
            + " %.3f), reversal shift %.2g, own motion first on training clips %.2f%n",
        when,
        a[0],
        a[1],
        a[2],
        a[3],
        a[4],
        ShapesExperiment.reversalShift(model, s, test),
        ownMotionFirst(model, s, train.subList(0, Math.min(64, train.size()))));
    List<ShapesClip> seenVideos =
        test.stream()
            .filter(c -> experiment.split().seenEntities().contains(c.entityLabel()))
            .toList();
    double[] onSeen = ShapesExperiment.evaluate(model, s, experiment.split(), seenVideos);
    double[] onTrain =
        ShapesExperiment.evaluate(
            model, s, experiment.split(), train.subList(0, Math.min(192, train.size())));
    System.out.printf(
        "%s: seen-label AUPR on seen-entity test videos %.3f, on training videos %.3f%n",
        when, onSeen[0], onTrain[0]);
    List<String> seen = experiment.split().seenEntities();
    List<ShapesClip> unseenVideos =
        test.stream().filter(c -> !seen.contains(c.entityLabel())).toList();
    System.out.printf(
        "%s: other names on seen-entity test videos: first %.3f, held-out %.3f; unseen entities,"
            + " held-out %.3f%n",
        when,
        labelsAupr(model, s, seenVideos, ShapesWorld.synonymEntityLabels(seen, 0)),
        labelsAupr(
            model, s, seenVideos, ShapesWorld.synonymEntityLabels(seen, ShapesWorld.HELD_OUT_NAME)),
        labelsAupr(
            model,
            s,
            unseenVideos,
            ShapesWorld.synonymEntityLabels(
                experiment.split().unseenEntities(), ShapesWorld.HELD_OUT_NAME)));
    System.out.printf(
        "%s: motion AUPR on seen-entity test videos %.3f, on held-out-entity test videos %.3f%n",
        when,
        labelsAupr(model, s, seenVideos, ShapesWorld.actionLabels()),
        labelsAupr(model, s, unseenVideos, ShapesWorld.actionLabels()));
    String heldOutMotion = System.getProperty("holdOutMotion");
    if (heldOutMotion != null) {
      System.out.printf(
          "%s: AUPR of the held-out motion label %.3f%n",
          when, labelAupr(model, s, test, ShapesWorld.actionLabel(heldOutMotion)));
    }
  }

  private static double labelsAupr(
      OvidModel model, ShapesExperiment.Settings s, List<ShapesClip> clips, List<String> labels) {
    return labelsAupr(
        model, s, clips, labels, labels.stream().map(ShapesWorld::canonical).toList());
  }

  private static double labelsAupr(
      OvidModel model,
      ShapesExperiment.Settings s,
      List<ShapesClip> clips,
      List<String> labels,
      List<String> truths) {
    try (NDManager m = NDManager.newBaseManager()) {
      float[] scores = scores(model, s, clips, labels, m).toFloatArray();
      int n = scores.length;
      double[] sc = new double[n];
      boolean[] pos = new boolean[n];
      int[] video = new int[n];
      int[] label = new int[n];
      for (int i = 0; i < n; i++) {
        sc[i] = scores[i];
        video[i] = i / labels.size();
        label[i] = i % labels.size();
        pos[i] = clips.get(video[i]).labels().contains(truths.get(label[i]));
      }
      return MultiLabelMetrics.aupr(
          MultiLabelDecisions.of(
              sc, pos, video, label, clips.stream().map(ShapesClip::id).toList(), labels));
    }
  }

  private static double labelAupr(
      OvidModel model, ShapesExperiment.Settings s, List<ShapesClip> clips, String label) {
    return labelsAupr(model, s, clips, List.of(label), List.of(label));
  }

  private static double ownMotionFirst(
      OvidModel model, ShapesExperiment.Settings s, List<ShapesClip> clips) {
    try (NDManager m = NDManager.newBaseManager()) {
      long[] best = scores(model, s, clips, ShapesWorld.actionLabels(), m).argMax(1).toLongArray();
      int right = 0;
      for (int i = 0; i < clips.size(); i++) {
        right += ShapesWorld.MOTIONS.get((int) best[i]).equals(clips.get(i).motion()) ? 1 : 0;
      }
      return right / (double) clips.size();
    }
  }

  /** Cosines of each clip's video embedding with each label's, [clips, labels]. */
  private static NDArray scores(
      OvidModel model,
      ShapesExperiment.Settings s,
      List<ShapesClip> clips,
      List<String> labels,
      NDManager m) {
    byte[] all = new byte[clips.size() * s.frames() * 3 * s.imageSize() * s.imageSize()];
    for (int i = 0; i < clips.size(); i++) {
      byte[] one = ShapesWorld.render(clips.get(i), s.frames(), s.imageSize());
      System.arraycopy(one, 0, all, i * one.length, one.length);
    }
    NDArray frames =
        m.create(
            ByteBuffer.wrap(all),
            new Shape(clips.size(), s.frames(), 3, s.imageSize(), s.imageSize()),
            DataType.UINT8);
    return model.embedVideos(frames).matMul(model.embedLabels(labels, m).transpose());
  }

  /**
   * Clips at 2k and 2k + 1 (twins) always in the same batch, pairs in a fresh order each epoch: the
   * trainer announces each epoch's order ({@link TrainingDataset#willRead}) and asks for indices in
   * that order, so position p of the epoch is served member p % 2 of the (p / 2)-th pair.
   */
  static final class PairBatches implements TrainingDataset {
    private final ShapesTrainingSet clips;
    private int[] positionOf;
    private int[] pairAt;

    PairBatches(List<ShapesClip> twins, List<String> vocabulary, ShapesExperiment.Settings s) {
      this.clips = new ShapesTrainingSet(twins, vocabulary, s.frames(), s.imageSize());
    }

    @Override
    public int size() {
      return clips.size();
    }

    @Override
    public List<String> vocabulary() {
      return clips.vocabulary();
    }

    @Override
    public void willRead(int[] order) {
      positionOf = new int[clips.size()];
      for (int p = 0; p < order.length; p++) {
        positionOf[order[p]] = p;
      }
      List<Integer> pairs = new ArrayList<>();
      for (int k = 0; k < clips.size() / 2; k++) {
        pairs.add(k);
      }
      Collections.shuffle(pairs, new Random(order[0]));
      pairAt = pairs.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public VideoExample get(int index, NDManager manager) {
      int p = positionOf[index];
      return clips.get(2 * pairAt[p / 2] + p % 2, manager);
    }
  }
}
