package dev.ovid.workflows.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which model a run trains: backbone, label encoder and the regularisation choices of the paper
 * (arXiv 2407.09073). Part of a run's {@link Hyperparameters}, so it is validated at launch and
 * recorded in MLflow and in the lineage. {@link #paper()} holds the paper's choices at the tiny
 * scale the demo runs on.
 *
 * @param backbone {@code shapes-pretrained} (a tiny CLIP pretrained contrastively on frames and
 *     captions of the generated shapes world, then frozen, plus a tiny random T5; both made from
 *     the run's seed and cached by the worker), {@code tiny-random} (a tiny random CLIP and T5 made
 *     from the run's seed), {@code clip:<dir>} or {@code clip+t5:<clipDir>,<t5Dir>} (Hugging Face
 *     folders on the worker)
 * @param labelEncoder {@code class-name}, {@code templates}, {@code fixed-llm-attributes} or {@code
 *     learnable-llm-prompts}
 * @param prefixes N learnable prefixes (learnable LLM prompts)
 * @param attributes K soft attributes per prefix; also K generated attributes per label for the
 *     fixed-LLM baseline
 * @param attributeLength L decoder vectors per soft attribute
 * @param promptLayers prompt transformer layers (0: layer norm and linear map only)
 * @param promptHeads prompt transformer heads
 * @param swr stochastic weight regularization of the temporal branch's spatial layers on or off
 *     (off: λ = 0, the branch's copied CLIP layers are trained directly)
 * @param evalAlpha SWR α outside training; null means λ / 2
 * @param weightDecay AdamW decoupled weight decay
 * @param decayTowardFrozen whether copied CLIP weights decay toward their frozen values (true) or
 *     toward zero (false)
 * @param warmupSteps linear learning-rate warm-up steps
 * @param gradientClipNorm global gradient norm clip; 0 disables
 * @param learnTemperature τ learned as a trainable log-scale parameter as in CLIP (log(1/τ),
 *     starting at the run's temperature, clamped to τ ≥ 0.01), or fixed at the run's temperature
 *     (false; runs recorded before this choice existed read as fixed)
 */
public record ModelSpec(
    String backbone,
    String labelEncoder,
    int prefixes,
    int attributes,
    int attributeLength,
    int promptLayers,
    int promptHeads,
    boolean swr,
    Double evalAlpha,
    double weightDecay,
    boolean decayTowardFrozen,
    int warmupSteps,
    double gradientClipNorm,
    boolean learnTemperature) {

  public static final String TINY_RANDOM = "tiny-random";
  public static final String SHAPES_PRETRAINED = "shapes-pretrained";
  public static final List<String> LABEL_ENCODERS =
      List.of("class-name", "templates", "fixed-llm-attributes", "learnable-llm-prompts");

  /** With a fixed τ (the run's temperature). */
  public ModelSpec(
      String backbone,
      String labelEncoder,
      int prefixes,
      int attributes,
      int attributeLength,
      int promptLayers,
      int promptHeads,
      boolean swr,
      Double evalAlpha,
      double weightDecay,
      boolean decayTowardFrozen,
      int warmupSteps,
      double gradientClipNorm) {
    this(
        backbone,
        labelEncoder,
        prefixes,
        attributes,
        attributeLength,
        promptLayers,
        promptHeads,
        swr,
        evalAlpha,
        weightDecay,
        decayTowardFrozen,
        warmupSteps,
        gradientClipNorm,
        false);
  }

  /**
   * The paper's model: learnable LLM prompts, SWR on, copied weights decay toward CLIP; on the
   * shapes-pretrained CLIP, which (unlike a random one) gives the demo something to transfer.
   */
  public static ModelSpec paper() {
    return new ModelSpec(
        SHAPES_PRETRAINED, "learnable-llm-prompts", 4, 4, 4, 1, 4, true, null, 0.05, true, 0, 1.0);
  }

  /**
   * The spec of runs launched before models were run parameters: the worker's configured backbone,
   * learnable LLM prompts for {@code clip+t5}, class-name prompts otherwise.
   */
  public static ModelSpec legacy(String workerBackbone) {
    String encoder = workerBackbone.startsWith("clip+t5:") ? "learnable-llm-prompts" : "class-name";
    return new ModelSpec(workerBackbone, encoder, 4, 4, 4, 1, 4, true, null, 0.05, false, 0, 1.0);
  }

  public ModelSpec withBackbone(String b) {
    return new ModelSpec(
        b,
        labelEncoder,
        prefixes,
        attributes,
        attributeLength,
        promptLayers,
        promptHeads,
        swr,
        evalAlpha,
        weightDecay,
        decayTowardFrozen,
        warmupSteps,
        gradientClipNorm,
        learnTemperature);
  }

  public ModelSpec withLabelEncoder(String e) {
    return new ModelSpec(
        backbone,
        e,
        prefixes,
        attributes,
        attributeLength,
        promptLayers,
        promptHeads,
        swr,
        evalAlpha,
        weightDecay,
        decayTowardFrozen,
        warmupSteps,
        gradientClipNorm,
        learnTemperature);
  }

  public ModelSpec withSwr(boolean on) {
    return new ModelSpec(
        backbone,
        labelEncoder,
        prefixes,
        attributes,
        attributeLength,
        promptLayers,
        promptHeads,
        on,
        evalAlpha,
        weightDecay,
        decayTowardFrozen,
        warmupSteps,
        gradientClipNorm,
        learnTemperature);
  }

  public ModelSpec withDecayTowardFrozen(boolean towardFrozen) {
    return new ModelSpec(
        backbone,
        labelEncoder,
        prefixes,
        attributes,
        attributeLength,
        promptLayers,
        promptHeads,
        swr,
        evalAlpha,
        weightDecay,
        towardFrozen,
        warmupSteps,
        gradientClipNorm,
        learnTemperature);
  }

  public ModelSpec withLearnTemperature(boolean learn) {
    return new ModelSpec(
        backbone,
        labelEncoder,
        prefixes,
        attributes,
        attributeLength,
        promptLayers,
        promptHeads,
        swr,
        evalAlpha,
        weightDecay,
        decayTowardFrozen,
        warmupSteps,
        gradientClipNorm,
        learn);
  }

  /** Whether the label encoder needs a T5 (the backbone must then provide one). */
  public boolean needsT5() {
    return "fixed-llm-attributes".equals(labelEncoder)
        || "learnable-llm-prompts".equals(labelEncoder);
  }

  /** Every choice by name, prefixed {@code model.}: MLflow params. */
  public Map<String, Object> asFlatMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("model.backbone", backbone);
    m.put("model.labelEncoder", labelEncoder);
    m.put("model.prefixes", prefixes);
    m.put("model.attributes", attributes);
    m.put("model.attributeLength", attributeLength);
    m.put("model.promptLayers", promptLayers);
    m.put("model.promptHeads", promptHeads);
    m.put("model.swr", swr);
    m.put("model.evalAlpha", evalAlpha == null ? "lambda/2" : evalAlpha);
    m.put("model.weightDecay", weightDecay);
    m.put("model.decayTowardFrozen", decayTowardFrozen);
    m.put("model.warmupSteps", warmupSteps);
    m.put("model.gradientClipNorm", gradientClipNorm);
    m.put("model.learnTemperature", learnTemperature);
    return m;
  }

  /** Human-readable problems; empty when valid. */
  public List<String> problems() {
    List<String> out = new ArrayList<>();
    if (backbone == null
        || !(backbone.equals(TINY_RANDOM)
            || backbone.equals(SHAPES_PRETRAINED)
            || (backbone.startsWith("clip:") && backbone.length() > 5)
            || (backbone.startsWith("clip+t5:")
                && backbone.substring(8).split(",", -1).length == 2
                && !backbone.substring(8).startsWith(",")
                && !backbone.endsWith(",")))) {
      out.add(
          "model.backbone must be shapes-pretrained, tiny-random, clip:<dir> or"
              + " clip+t5:<clipDir>,<t5Dir>, was "
              + backbone);
    }
    if (labelEncoder == null || !LABEL_ENCODERS.contains(labelEncoder)) {
      out.add("model.labelEncoder must be one of " + LABEL_ENCODERS + ", was " + labelEncoder);
    } else if (needsT5() && backbone != null && backbone.startsWith("clip:")) {
      out.add(
          "model.labelEncoder "
              + labelEncoder
              + " needs a T5: use backbone shapes-pretrained, tiny-random or"
              + " clip+t5:<clipDir>,<t5Dir>");
    }
    range(out, "model.prefixes", prefixes, 1, 64);
    range(out, "model.attributes", attributes, 1, 64);
    range(out, "model.attributeLength", attributeLength, 1, 64);
    range(out, "model.promptLayers", promptLayers, 0, 12);
    range(out, "model.promptHeads", promptHeads, 1, 64);
    if (evalAlpha != null && !(evalAlpha >= 0 && evalAlpha <= 1)) {
      out.add("model.evalAlpha must be in [0, 1] (or empty for lambda/2), was " + evalAlpha);
    }
    if (!(weightDecay >= 0 && weightDecay <= 1)) {
      out.add("model.weightDecay must be in [0, 1], was " + weightDecay);
    }
    range(out, "model.warmupSteps", warmupSteps, 0, 1_000_000);
    if (!(gradientClipNorm >= 0 && gradientClipNorm <= 1000)) {
      out.add("model.gradientClipNorm must be in [0, 1000] (0 disables), was " + gradientClipNorm);
    }
    return out;
  }

  private static void range(List<String> out, String name, int value, int min, int max) {
    if (value < min || value > max) {
      out.add(name + " must be between " + min + " and " + max + ", was " + value);
    }
  }
}
