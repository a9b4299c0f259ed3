package dev.ovid.model.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.ovid.model.core.Autocast;
import dev.ovid.model.core.CounterRandom;
import dev.ovid.model.core.GradMode;
import dev.ovid.model.core.OvidModel;
import dev.ovid.model.core.Precision;
import dev.ovid.model.core.Tensors;
import dev.ovid.model.video.FrameEncoder;
import dev.ovid.model.video.StochasticWeightRegularization;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Stochastic weight regularization under BF16: the spatial layers run θ_frozen + α (θ_ft −
 * θ_frozen) in bfloat16 products. Early in training θ_ft − θ_frozen is far below a bfloat16 step;
 * were θ_frozen stored in bfloat16, every blended weight would round back to it and the spatial
 * layers could not train. The temporal branch's layers therefore stay float32 in a BF16 tower, and
 * in an FP16 one (float16 steps are 8× finer, but the same holds for small enough changes).
 */
class SwrMixedPrecisionTest {
  @TempDir Path workDir;

  @ParameterizedTest
  @EnumSource(
      value = Precision.class,
      names = {"BF16", "FP16"})
  void aFineTunedChangeBelowABf16StepStillMovesTheBranchSpatialLayer(Precision precision) {
    GradMode.offOnThisThread();
    MixedPrecisionTrainingTest.workDir = workDir;
    try (OvidModel model = MixedPrecisionTrainingTest.model(precision);
        NDManager m = model.manager().newSubManager()) {
      FrameEncoder clip = model.videoEncoder().frameEncoder();
      int temporal = model.videoEncoder().config().temporalLayers();
      int top = clip.numLayers() - 1;
      int belowBranch = clip.numLayers() - temporal - 1;
      Map<String, NDArray> frozen = clip.layerWeights(top);
      frozen.forEach(
          (name, w) -> assertEquals(DataType.FLOAT32, w.getDataType(), "branch layer " + name));
      assertTrue(
          clip.layerWeights(belowBranch).values().stream().anyMatch(Autocast::isLow),
          "layers below the branch are stored in bf16");

      // θ_ft = θ_frozen + 1e-4 on the weight matrices: far below a bf16 step of typical weights.
      Map<String, NDArray> fineTuned = new LinkedHashMap<>();
      frozen.forEach(
          (name, w) ->
              fineTuned.put(name, name.contains("proj") || name.contains("fc") ? w.add(1e-4f) : w));
      Map<String, NDArray> blended = StochasticWeightRegularization.blend(fineTuned, frozen, 0.25f);
      NDArray tokens =
          Tensors.normal(m, new Shape(64, 17, clip.hiddenSize()), 1.0, new CounterRandom(9, 1));
      NDArray exact = change(clip, top, tokens, frozen, blended);
      NDArray mixed;
      try (Autocast.Scope scope = Autocast.enable(precision)) {
        mixed = change(clip, top, tokens, frozen, blended);
      }
      // Rounding adds noise to each output; the float32 change's share of the bf16 one is the
      // signal, about 1 when the blend survives rounding and about 0 when it rounds away.
      double signal = mixed.mul(exact).sum().getFloat() / exact.mul(exact).sum().getFloat();
      assertTrue(
          signal > 0.8 && signal < 1.25,
          "bf16 products carry " + signal + " of the float32 change to the layer's output");
    }
  }

  /** layer(blended) − layer(frozen), in float32. */
  private static NDArray change(
      FrameEncoder clip,
      int layer,
      NDArray tokens,
      Map<String, NDArray> frozen,
      Map<String, NDArray> blended) {
    NDArray before = Autocast.fp32(clip.encoderLayer(layer, tokens, frozen));
    NDArray after = Autocast.fp32(clip.encoderLayer(layer, tokens, blended));
    return after.sub(before);
  }
}
