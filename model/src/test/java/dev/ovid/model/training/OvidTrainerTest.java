package dev.ovid.model.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.ovid.model.core.JointLabelEncoder;
import dev.ovid.model.core.OvidModel;
import dev.ovid.model.core.OvidModels;
import dev.ovid.model.core.TensorArchiveException;
import dev.ovid.model.core.TinyClipSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OvidTrainerTest {
  @TempDir static Path workDir;
  static final TrainingConfig CONFIG =
      TrainingConfig.builder()
          .epochs(15)
          .batchSize(2)
          .learningRate(1e-2f)
          .weightDecay(0.01f)
          .warmupSteps(2)
          .temperature(0.1f)
          .negativeWeight(0.5f)
          .temporalLayers(2)
          .frames(4)
          .seed(13)
          .checkpointEverySteps(5)
          .build();

  /** Six epochs: enough steps for several checkpoints, short enough to run twice. */
  static final TrainingConfig SHORT = CONFIG.toBuilder().epochs(6).build();

  static OvidModel tinyModel(long seed) {
    return OvidModels.tinyRandom(TinyClipSpec.tiny(), CONFIG.videoEncoderConfig(), seed, workDir);
  }

  static ColourVideos videos(int count) {
    return new ColourVideos(count, CONFIG.frames(), TinyClipSpec.tiny().imageSize(), 5);
  }

  static Map<String, float[]> snapshot(Map<String, NDArray> arrays) {
    Map<String, float[]> out = new LinkedHashMap<>();
    arrays.forEach((k, v) -> out.put(k, v.toFloatArray()));
    return out;
  }

  static byte[] bytes(Checkpoint c) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      c.writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The objective over every video and the whole vocabulary, with the evaluation α. */
  static double evaluationLoss(OvidModel model, ColourVideos data) {
    try (NDManager m = model.manager().newSubManager()) {
      NDList frames = new NDList();
      float[] targets = new float[data.size() * ColourVideos.VOCABULARY.size()];
      for (int i = 0; i < data.size(); i++) {
        VideoExample e = data.get(i, m);
        frames.add(e.frames());
        for (int label : e.positives()) {
          targets[i * ColourVideos.VOCABULARY.size() + label] = 1f;
        }
      }
      NDArray videos = model.embedVideos(NDArrays.stack(frames));
      NDArray labels = model.embedLabels(ColourVideos.VOCABULARY, m);
      return new SigmoidMultiLabelLoss(CONFIG.temperature(), CONFIG.negativeWeight())
          .compute(
              videos,
              labels,
              m.create(targets, new Shape(data.size(), ColourVideos.VOCABULARY.size())))
          .getFloat();
    }
  }

  @Test
  void lossFallsAndOnlyTrainableParametersChange() {
    ColourVideos data = videos(8);
    try (OvidModel model = tinyModel(1)) {
      Map<String, float[]> frozenBefore = snapshot(model.frozenParameters());
      Map<String, float[]> trainableBefore = snapshot(model.trainableParameters());
      double before = evaluationLoss(model, data);
      List<long[]> steps = new ArrayList<>();
      TrainingResult result =
          new OvidTrainer(model, CONFIG)
              .train(
                  data,
                  (epoch, step, total, loss, rate) -> steps.add(new long[] {epoch, step, total}));
      assertEquals(60, result.losses().size());
      assertEquals(60, steps.size());
      assertArrayEquals(new long[] {14, 60, 60}, steps.get(59));
      double after = evaluationLoss(model, data);
      assertTrue(
          after < 0.7 * before,
          "whole-vocabulary loss went from "
              + before
              + " to "
              + after
              + "; steps "
              + result.losses());

      Map<String, float[]> frozenAfter = snapshot(model.frozenParameters());
      frozenBefore.forEach(
          (k, v) -> assertArrayEquals(v, frozenAfter.get(k), 0f, "frozen " + k + " changed"));
      model
          .frozenParameters()
          .forEach((k, v) -> assertFalse(v.hasGradient(), "frozen " + k + " has a gradient"));
      Map<String, float[]> trainableAfter = snapshot(model.trainableParameters());
      trainableBefore.forEach(
          (k, v) ->
              assertFalse(
                  Arrays.equals(v, trainableAfter.get(k)), "trainable " + k + " never changed"));
    }
  }

  @Test
  void aLabelEncodersRegularizerJoinsEveryStepsLoss() {
    ColourVideos data = videos(4);
    TrainingConfig config = SHORT.toBuilder().epochs(2).checkpointEverySteps(0).build();
    try (OvidModel plain = tinyModel(3);
        OvidModel base = tinyModel(3)) {
      JointLabelEncoder inner = base.labelEncoder();
      // A constant penalty has no gradient: the same steps, each loss 0.75 higher.
      JointLabelEncoder penalised =
          new JointLabelEncoder() {
            @Override
            public NDArray encode(List<String> labels) {
              return inner.encode(labels);
            }

            @Override
            public NDArray regularizer(List<String> labels, NDArray embeddings) {
              return embeddings.getManager().create(0.75f);
            }

            @Override
            public int embedDim() {
              return inner.embedDim();
            }

            @Override
            public Map<String, NDArray> trainableParameters() {
              return inner.trainableParameters();
            }

            @Override
            public Map<String, NDArray> frozenParameters() {
              return inner.frozenParameters();
            }
          };
      // Shares base's manager and encoders; base closes them.
      OvidModel withPenalty =
          new OvidModel(base.manager(), penalised, base.videoEncoder(), "constant penalty");
      List<Float> without =
          new OvidTrainer(plain, config).train(data, (e, s, t, l, r) -> {}).losses();
      List<Float> with =
          new OvidTrainer(withPenalty, config).train(data, (e, s, t, l, r) -> {}).losses();
      assertEquals(without.size(), with.size());
      for (int i = 0; i < with.size(); i++) {
        assertEquals(without.get(i) + 0.75f, with.get(i), 1e-4f, "step " + (i + 1));
      }
    }
  }

  @Test
  void resumingFromACheckpointReproducesTheLossCurve() {
    ColourVideos data = videos(8);
    RecordingListener recorder = new RecordingListener();
    List<Float> uninterrupted;
    try (OvidModel model = tinyModel(1)) {
      uninterrupted = new OvidTrainer(model, SHORT).train(data, recorder).losses();
    }
    assertEquals(5, recorder.checkpoints.size()); // steps 5, 10, 15, 20 and the end (24)
    Checkpoint atTen = recorder.checkpoint(1);
    assertEquals(10, atTen.step());
    try (OvidModel fresh = tinyModel(1)) {
      OvidTrainer trainer = new OvidTrainer(fresh, SHORT);
      trainer.restore(atTen, data);
      TrainingResult resumed = trainer.train(data, TrainingListener.NONE);
      assertEquals(10, resumed.firstStep());
      assertEquals(uninterrupted.subList(10, 24), resumed.losses(), "resumed loss curve differs");
      Checkpoint end = recorder.checkpoint(4);
      end.parameters()
          .forEach(
              (k, v) ->
                  assertArrayEquals(
                      v.values(), fresh.trainableParameters().get(k).toFloatArray(), 0f, k));
    }
  }

  /** Worker-pool threads start with libtorch's autograd switched on; training must still work. */
  @Test
  void trainsAndRestoresOnAThreadWhereAutogradIsOn() throws Exception {
    ColourVideos data = videos(4);
    TrainingConfig config = SHORT.toBuilder().epochs(2).build();
    var failure = new java.util.concurrent.atomic.AtomicReference<Throwable>();
    var result = new java.util.concurrent.atomic.AtomicReference<TrainingResult>();
    Thread worker =
        new Thread(
            () -> {
              ai.djl.pytorch.jni.JniUtils.setGradMode(true);
              try (OvidModel model = tinyModel(1)) {
                OvidTrainer first = new OvidTrainer(model, config);
                RecordingListener saved = new RecordingListener();
                first.train(data, saved);
                ai.djl.pytorch.jni.JniUtils.setGradMode(true);
                OvidTrainer again = new OvidTrainer(model, config);
                again.restore(saved.checkpoint(0), data);
                result.set(again.train(data, TrainingListener.NONE));
              } catch (Throwable t) {
                failure.set(t);
              }
            });
    worker.start();
    worker.join();
    if (failure.get() != null) throw new AssertionError("training failed", failure.get());
    assertEquals(config.stepsPerEpoch(4) * 2L, result.get().lastStep());
  }

  @Test
  void stepsLeaveNoArraysBehind() {
    ColourVideos data = videos(4);
    try (OvidModel model = tinyModel(1)) {
      OvidTrainer trainer = new OvidTrainer(model, SHORT);
      List<Integer> live = new ArrayList<>();
      trainer.train(
          data,
          (epoch, step, total, loss, rate) -> live.add(model.manager().getManagedArrays().size()));
      assertEquals(live.get(1), live.get(live.size() - 1), "arrays pile up across steps: " + live);
    }
  }

  @Test
  void corruptOrTruncatedCheckpointsAreRefusedWithTheirOffset() {
    ColourVideos data = videos(4);
    try (OvidModel model = tinyModel(1)) {
      byte[] good = bytes(new OvidTrainer(model, CONFIG).checkpoint(data));
      byte[] flipped = good.clone();
      flipped[flipped.length / 2] ^= 0x10;
      TensorArchiveException corrupt =
          assertThrows(
              TensorArchiveException.class,
              () -> Checkpoint.read(new ByteArrayInputStream(flipped), "ckpt-7.bin"));
      assertTrue(
          corrupt.getMessage().contains("ckpt-7.bin") && corrupt.getMessage().contains("SHA-256"),
          corrupt.getMessage());
      byte[] truncated = Arrays.copyOf(good, good.length - 100);
      TensorArchiveException cut =
          assertThrows(
              TensorArchiveException.class,
              () -> Checkpoint.read(new ByteArrayInputStream(truncated), "ckpt-7.bin"));
      assertTrue(cut.getMessage().contains("truncated at offset"), cut.getMessage());
      TensorArchiveException notOurs =
          assertThrows(
              TensorArchiveException.class,
              () ->
                  Checkpoint.read(
                      new ByteArrayInputStream(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9}), "x.bin"));
      assertTrue(notOurs.getMessage().contains("not an Ovid tensor archive"), notOurs.getMessage());
    }
  }

  @Test
  void refusesACheckpointFromAnotherConfiguration() {
    ColourVideos data = videos(4);
    try (OvidModel model = tinyModel(1)) {
      Checkpoint c = new OvidTrainer(model, CONFIG).checkpoint(data);
      OvidTrainer other = new OvidTrainer(model, CONFIG.toBuilder().seed(99).build());
      assertThrows(TensorArchiveException.class, () -> other.restore(c, data));
      assertThrows(
          TensorArchiveException.class, () -> new OvidTrainer(model, CONFIG).restore(c, videos(5)));
    }
  }
}
