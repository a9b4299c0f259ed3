package dev.ovid.model.training;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * AdamW with PyTorch's update rule (decoupled weight decay, bias-corrected moments, ε added after
 * the square root). Written out rather than using DJL's optimizer because its moments are private
 * and a checkpoint must carry them for an exact resume. Weight decay applies to matrices ({@code
 * *.weight} with two or more axes) and not to biases, norms or position embeddings.
 */
public final class AdamW {
  private final float beta1;
  private final float beta2;
  private final float epsilon;
  private final float weightDecay;
  private final Map<String, NDArray> firstMoments = new LinkedHashMap<>();
  private final Map<String, NDArray> secondMoments = new LinkedHashMap<>();
  private final Map<String, NDArray> decayAnchors = new LinkedHashMap<>();
  private long updates;

  public AdamW(float beta1, float beta2, float epsilon, float weightDecay) {
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
    this.weightDecay = weightDecay;
  }

  static boolean decays(String name, NDArray parameter) {
    return name.endsWith(".weight") && parameter.getShape().dimension() >= 2;
  }

  /**
   * One update of every parameter from its gradient. Must run outside gradient recording (the
   * updates are in place).
   */
  public void step(Map<String, NDArray> parameters, Map<String, NDArray> gradients, float lr) {
    updates++;
    double correction1 = 1.0 - Math.pow(beta1, updates);
    double correction2 = 1.0 - Math.pow(beta2, updates);
    float stepSize = (float) (lr / correction1);
    float sqrtCorrection2 = (float) Math.sqrt(correction2);
    for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
      String name = e.getKey();
      NDArray p = e.getValue();
      NDArray g = gradients.get(name);
      NDArray m = firstMoments.get(name);
      NDArray v = secondMoments.get(name);
      if (m == null || v == null) {
        throw new IllegalStateException("AdamW has no moments for " + name + " (call initialize)");
      }
      if (weightDecay > 0f && decays(name, p)) {
        NDArray anchor = decayAnchors.get(name);
        if (anchor == null) {
          p.muli(1f - lr * weightDecay);
        } else {
          try (NDArray pull = p.sub(anchor).muli(lr * weightDecay)) {
            p.subi(pull);
          }
        }
      }
      try (NDArray scaledG = g.mul(1f - beta1);
          NDArray g2 = g.mul(g).muli(1f - beta2)) {
        m.muli(beta1).addi(scaledG);
        v.muli(beta2).addi(g2);
      }
      try (NDArray denom = v.sqrt().divi(sqrtCorrection2).addi(epsilon);
          NDArray update = m.div(denom).muli(stepSize)) {
        p.subi(update);
      }
    }
  }

  /**
   * Decay these parameters toward the given values (e.g. the frozen CLIP weights a layer was copied
   * from) instead of toward zero: θ ← θ − lr·wd·(θ − anchor).
   */
  public void setDecayAnchors(Map<String, NDArray> anchors) {
    decayAnchors.clear();
    decayAnchors.putAll(anchors);
  }

  /**
   * Zero moments for every parameter, allocated next to it (outside any step scope, so they live as
   * long as the parameters).
   */
  public void initialize(Map<String, NDArray> parameters) {
    firstMoments.clear();
    secondMoments.clear();
    parameters.forEach(
        (name, p) -> {
          firstMoments.put(name, p.getManager().zeros(p.getShape()));
          secondMoments.put(name, p.getManager().zeros(p.getShape()));
        });
    updates = 0;
  }

  /** Sets the update count (the moments are restored in place by the caller). */
  public void setUpdates(long updates) {
    this.updates = updates;
  }

  public long updates() {
    return updates;
  }

  public Map<String, NDArray> firstMoments() {
    return firstMoments;
  }

  public Map<String, NDArray> secondMoments() {
    return secondMoments;
  }
}
