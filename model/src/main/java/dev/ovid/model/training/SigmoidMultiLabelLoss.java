package dev.ovid.model.training;

import ai.djl.ndarray.NDArray;
import dev.ovid.model.core.Tensors;

/**
 * The paper's objective: s = f_t · f_v (unit vectors), p = σ(s / τ), L = −Σ_v [Σ_pos log p + w
 * Σ_neg log(1 − p)]. Averaged over the batch's videos (not summed) so the learning rate does not
 * depend on the batch size. Constants go through {@link Tensors#scalarLike} (autograd-safe). log σ
 * is computed stably as min(z, 0) − log(1 + e^{−|z|}).
 */
public final class SigmoidMultiLabelLoss {
  private final float temperature;
  private final float negativeWeight;

  public SigmoidMultiLabelLoss(float temperature, float negativeWeight) {
    if (!(temperature > 0f)) {
      throw new IllegalArgumentException("temperature must be > 0: " + temperature);
    }
    if (!(negativeWeight > 0f)) {
      throw new IllegalArgumentException("negative weight must be > 0: " + negativeWeight);
    }
    this.temperature = temperature;
    this.negativeWeight = negativeWeight;
  }

  /**
   * @param videoEmbeddings unit rows [B, D]
   * @param labelEmbeddings unit rows [C, D]
   * @param targets [B, C], 1 for positives and 0 for negatives
   * @return scalar loss
   */
  public NDArray compute(NDArray videoEmbeddings, NDArray labelEmbeddings, NDArray targets) {
    NDArray logits = Tensors.div(videoEmbeddings.matMul(labelEmbeddings.transpose()), temperature);
    return fromLogits(logits, targets, videoEmbeddings.getShape().get(0));
  }

  /**
   * As {@link #compute} with a learned temperature: logits s · exp(logitScale), logitScale =
   * log(1/τ) a trainable [1] tensor (CLIP's parameterisation); the fixed τ is not used.
   */
  public NDArray compute(
      NDArray videoEmbeddings, NDArray labelEmbeddings, NDArray targets, NDArray logitScale) {
    NDArray logits = videoEmbeddings.matMul(labelEmbeddings.transpose()).mul(logitScale.exp());
    return fromLogits(logits, targets, videoEmbeddings.getShape().get(0));
  }

  private NDArray fromLogits(NDArray logits, NDArray targets, long videos) {
    NDArray logP = logSigmoid(logits);
    NDArray logNotP = logSigmoid(logits.neg());
    NDArray negatives = Tensors.add(targets.neg(), 1f);
    NDArray perPair = targets.mul(logP).add(Tensors.mul(negatives.mul(logNotP), negativeWeight));
    return Tensors.div(perPair.sum().neg(), videos);
  }

  /** Numerically stable log σ(z). */
  public static NDArray logSigmoid(NDArray z) {
    return Tensors.minimum(z, 0f).sub(Tensors.add(z.abs().neg().exp(), 1f).log());
  }
}
