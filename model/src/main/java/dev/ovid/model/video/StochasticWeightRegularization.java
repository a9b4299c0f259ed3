package dev.ovid.model.video;

import ai.djl.ndarray.NDArray;
import dev.ovid.model.core.CounterRandom;
import dev.ovid.model.core.Tensors;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stochastic weight regularization: the branch's spatial layers run with θ = α·θ_ft + (1 −
 * α)·θ_frozen, α ~ U(0, λ) drawn once per training iteration, which keeps them near CLIP and
 * preserves zero-shot behaviour. Gradients reach θ_ft (scaled by α); θ_frozen is CLIP's own layer
 * and never changes.
 */
public final class StochasticWeightRegularization {
  private final float lambda;
  private final float evalAlpha;
  private final boolean enabled;

  public StochasticWeightRegularization(float lambda, float evalAlpha) {
    this.lambda = lambda;
    this.evalAlpha = Float.isNaN(evalAlpha) ? lambda / 2f : evalAlpha;
    this.enabled = true;
  }

  private StochasticWeightRegularization() {
    this.lambda = 1f;
    this.evalAlpha = 1f;
    this.enabled = false;
  }

  /** No regularization: α = 1 always, the spatial layers run with their fine-tuned weights. */
  public static StochasticWeightRegularization disabled() {
    return new StochasticWeightRegularization();
  }

  public boolean enabled() {
    return enabled;
  }

  /** α ~ U(0, λ) for one training iteration; always within [0, λ]. 1 when disabled. */
  public float sampleAlpha(CounterRandom random) {
    if (!enabled) {
      random.nextDouble(); // keep the random stream aligned with regularized runs
      return 1f;
    }
    return (float) (random.nextDouble() * lambda);
  }

  /**
   * The α used for embedding outside training: E[α] = λ / 2 unless configured. The blend is linear
   * in θ, so the mean α gives the weights the training iterations were centred on (the expected
   * weights), rather than the extreme θ_ft that no training iteration ever ran with.
   */
  public float evalAlpha() {
    return evalAlpha;
  }

  public float lambda() {
    return lambda;
  }

  /** θ_frozen + α (θ_ft − θ_frozen), key by key. */
  public static Map<String, NDArray> blend(
      Map<String, NDArray> fineTuned, Map<String, NDArray> frozen, float alpha) {
    Map<String, NDArray> mixed = new LinkedHashMap<>();
    for (Map.Entry<String, NDArray> e : frozen.entrySet()) {
      NDArray ft = fineTuned.get(e.getKey());
      if (ft == null) {
        throw new IllegalArgumentException("no fine-tuned tensor for " + e.getKey());
      }
      mixed.put(e.getKey(), e.getValue().add(Tensors.mul(ft.sub(e.getValue()), alpha)));
    }
    return mixed;
  }
}
