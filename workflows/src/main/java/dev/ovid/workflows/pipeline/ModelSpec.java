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
 * @param softPromptScale learnable LLM prompts: each soft prompt token's root-mean-square size in
 *     standard deviations of the CLIP tower's token embeddings; null means {@link
 *     #DEFAULT_SOFT_PROMPT_SCALE} (runs recorded before this choice existed read as that)
 * @param answerAnchorWeight learnable LLM prompts: weight of the answer anchor, a training penalty
 *     that keeps each label's embedding near its fixed-LLM prompt's ("{label}, {the LLM's answer}";
 *     KgCoOp's regulariser, not in the paper); 0 is off (runs recorded before this choice existed
 *     read as off)
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
    boolean learnTemperature,
    Double softPromptScale,
    double answerAnchorWeight) {

  public static final String TINY_RANDOM = "tiny-random";

  /**
   * Soft prompt tokens at a tenth of a real token's size: the model library's default
   * (LearnableLlmPromptConfig.DEFAULT_SOFT_PROMPT_SCALE, which this module cannot see).
   */
  public static final double DEFAULT_SOFT_PROMPT_SCALE = 0.1;

  public static final String SHAPES_PRETRAINED = "shapes-pretrained";
  public static final List<String> LABEL_ENCODERS =
      List.of("class-name", "templates", "fixed-llm-attributes", "learnable-llm-prompts");

  /**
   * The paper's model: learnable LLM prompts, SWR on, copied weights decay toward CLIP; on the
   * shapes-pretrained CLIP, which (unlike a random one) gives the demo something to transfer.
   */
  public static ModelSpec paper() {
    return new ModelSpec(
        SHAPES_PRETRAINED,
        "learnable-llm-prompts",
        4,
        4,
        4,
        1,
        4,
        true,
        null,
        0.05,
        true,
        0,
        1.0,
        false,
        null,
        0);
  }

  /**
   * The spec of runs launched before models were run parameters: the worker's configured backbone,
   * learnable LLM prompts for {@code clip+t5}, class-name prompts otherwise.
   */
  public static ModelSpec legacy(String workerBackbone) {
    String encoder = workerBackbone.startsWith("clip+t5:") ? "learnable-llm-prompts" : "class-name";
    return new ModelSpec(
        workerBackbone, encoder, 4, 4, 4, 1, 4, true, null, 0.05, false, 0, 1.0, false, null, 0);
  }

  public ModelSpec withBackbone(String b) {
    return toBuilder().backbone(b).build();
  }

  public ModelSpec withLabelEncoder(String e) {
    return toBuilder().labelEncoder(e).build();
  }

  public ModelSpec withSwr(boolean on) {
    return toBuilder().swr(on).build();
  }

  public ModelSpec withDecayTowardFrozen(boolean towardFrozen) {
    return toBuilder().decayTowardFrozen(towardFrozen).build();
  }

  public ModelSpec withLearnTemperature(boolean learn) {
    return toBuilder().learnTemperature(learn).build();
  }

  /**
   * Learnable LLM prompts' soft prompt size ({@code scale}, null for the default) and answer anchor
   * weight.
   */
  public ModelSpec withSoftPrompts(Double scale, double anchorWeight) {
    return toBuilder().softPromptScale(scale).answerAnchorWeight(anchorWeight).build();
  }

  /** A builder that starts from this spec: the withers change one or two choices through it. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Every choice of a {@link ModelSpec}, settable one by one; records have no withers. */
  public static final class Builder {
    private String backbone;
    private String labelEncoder;
    private int prefixes;
    private int attributes;
    private int attributeLength;
    private int promptLayers;
    private int promptHeads;
    private boolean swr;
    private Double evalAlpha;
    private double weightDecay;
    private boolean decayTowardFrozen;
    private int warmupSteps;
    private double gradientClipNorm;
    private boolean learnTemperature;
    private Double softPromptScale;
    private double answerAnchorWeight;

    private Builder(ModelSpec from) {
      backbone = from.backbone;
      labelEncoder = from.labelEncoder;
      prefixes = from.prefixes;
      attributes = from.attributes;
      attributeLength = from.attributeLength;
      promptLayers = from.promptLayers;
      promptHeads = from.promptHeads;
      swr = from.swr;
      evalAlpha = from.evalAlpha;
      weightDecay = from.weightDecay;
      decayTowardFrozen = from.decayTowardFrozen;
      warmupSteps = from.warmupSteps;
      gradientClipNorm = from.gradientClipNorm;
      learnTemperature = from.learnTemperature;
      softPromptScale = from.softPromptScale;
      answerAnchorWeight = from.answerAnchorWeight;
    }

    public Builder backbone(String value) {
      backbone = value;
      return this;
    }

    public Builder labelEncoder(String value) {
      labelEncoder = value;
      return this;
    }

    public Builder swr(boolean value) {
      swr = value;
      return this;
    }

    public Builder decayTowardFrozen(boolean value) {
      decayTowardFrozen = value;
      return this;
    }

    public Builder learnTemperature(boolean value) {
      learnTemperature = value;
      return this;
    }

    public Builder softPromptScale(Double value) {
      softPromptScale = value;
      return this;
    }

    public Builder answerAnchorWeight(double value) {
      answerAnchorWeight = value;
      return this;
    }

    public ModelSpec build() {
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
          learnTemperature,
          softPromptScale,
          answerAnchorWeight);
    }
  }

  /** The soft prompt size this spec trains with: its own, or the default. */
  public double softPromptScaleOrDefault() {
    return softPromptScale == null ? DEFAULT_SOFT_PROMPT_SCALE : softPromptScale;
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
    m.put("model.softPromptScale", softPromptScaleOrDefault());
    m.put("model.answerAnchorWeight", answerAnchorWeight);
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
    if (softPromptScale != null && !(softPromptScale > 0 && softPromptScale <= 10)) {
      out.add(
          "model.softPromptScale must be in (0, 10] (or empty for the default), was "
              + softPromptScale);
    }
    if (!(answerAnchorWeight >= 0 && answerAnchorWeight <= 1000)) {
      out.add(
          "model.answerAnchorWeight must be in [0, 1000] (0 is off), was " + answerAnchorWeight);
    }
    return out;
  }

  private static void range(List<String> out, String name, int value, int min, int max) {
    if (value < min || value > max) {
      out.add(name + " must be between " + min + " and " + max + ", was " + value);
    }
  }
}
