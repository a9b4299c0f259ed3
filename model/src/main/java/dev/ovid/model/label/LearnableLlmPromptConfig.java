package dev.ovid.model.label;

/**
 * Knobs of learnable LLM prompting (the paper's label encoder, arXiv 2407.09073 section 3).
 *
 * @param prefixes N, learnable prefix vectors (one LLM query each)
 * @param attributes K, soft attributes decoded per prefix
 * @param attributeLength L, decoder vectors per soft attribute (= soft prompt tokens)
 * @param template the LLM prompt; {@value #LABEL} is replaced by the label name
 * @param transformerLayers prompt transformer depth (0: layer norm and linear map only)
 * @param transformerHeads prompt transformer heads (must divide d_T5)
 * @param prefixInitScale prefixes start as normal draws with this many times the standard deviation
 *     of T5's token embeddings, so they look like ordinary input tokens
 * @param seed initialisation seed of the prefixes and the prompt transformer
 * @param softPromptScale root-mean-square size of every soft prompt token, in standard deviations
 *     of the CLIP tower's token embeddings ({@link #DEFAULT_SOFT_PROMPT_SCALE}: a tenth, so the
 *     label's own tokens dominate and the encoder cannot collapse; 1: a real token's size)
 * @param answerAnchorWeight weight of a training penalty, not in the paper, that keeps each
 *     training label's embedding near that of its fixed-LLM prompt ("{label}, {the LLM's answer}"):
 *     the squared distance between the two unit vectors, averaged over the batch's labels (0: off).
 *     It is KgCoOp's regulariser (Yao et al., CVPR 2023) with the LLM's answer as the hand-made
 *     prompt: token-sized soft prompts can then carry what the LLM knows without the label space
 *     collapsing onto the training clips.
 */
public record LearnableLlmPromptConfig(
    int prefixes,
    int attributes,
    int attributeLength,
    String template,
    int transformerLayers,
    int transformerHeads,
    double prefixInitScale,
    long seed,
    double softPromptScale,
    double answerAnchorWeight) {

  public static final String LABEL = "{label}";

  /** The question the paper asks the LLM about a class. */
  public static final String DEFAULT_TEMPLATE =
      "what are useful features for distinguishing a {label} in a video?";

  /** Soft prompt tokens at a tenth of a real token's size. */
  public static final double DEFAULT_SOFT_PROMPT_SCALE = 0.1;

  public LearnableLlmPromptConfig {
    if (prefixes < 1 || attributes < 1 || attributeLength < 1) {
      throw new IllegalArgumentException(
          "prefixes, attributes and attributeLength must be >= 1: N="
              + prefixes
              + " K="
              + attributes
              + " L="
              + attributeLength);
    }
    if (template == null || !template.contains(LABEL)) {
      throw new IllegalArgumentException("template must contain " + LABEL + ": " + template);
    }
    if (transformerLayers < 0 || transformerHeads < 1) {
      throw new IllegalArgumentException(
          "transformerLayers must be >= 0 and transformerHeads >= 1");
    }
    if (!(softPromptScale > 0) || !Double.isFinite(softPromptScale)) {
      throw new IllegalArgumentException("softPromptScale must be > 0: " + softPromptScale);
    }
    if (!(answerAnchorWeight >= 0) || !Double.isFinite(answerAnchorWeight)) {
      throw new IllegalArgumentException("answerAnchorWeight must be >= 0: " + answerAnchorWeight);
    }
  }

  /** The first eight knobs; soft prompts at {@link #DEFAULT_SOFT_PROMPT_SCALE}, no anchor. */
  public LearnableLlmPromptConfig(
      int prefixes,
      int attributes,
      int attributeLength,
      String template,
      int transformerLayers,
      int transformerHeads,
      double prefixInitScale,
      long seed) {
    this(
        prefixes,
        attributes,
        attributeLength,
        template,
        transformerLayers,
        transformerHeads,
        prefixInitScale,
        seed,
        DEFAULT_SOFT_PROMPT_SCALE,
        0);
  }

  /**
   * N=4, K=4, L=4, the paper's question, one prompt-transformer layer with 4 heads, seed 0, soft
   * prompts at a tenth of a token, no anchor.
   */
  public static LearnableLlmPromptConfig defaults() {
    return new LearnableLlmPromptConfig(4, 4, 4, DEFAULT_TEMPLATE, 1, 4, 1.0, 0L);
  }

  /** Decoding steps per prefix: K·L. */
  public int decodingSteps() {
    return attributes * attributeLength;
  }

  public LearnableLlmPromptConfig withPrefixes(int n) {
    return copy(
        n, attributes, attributeLength, template, transformerLayers, transformerHeads, seed);
  }

  public LearnableLlmPromptConfig withAttributes(int k) {
    return copy(prefixes, k, attributeLength, template, transformerLayers, transformerHeads, seed);
  }

  public LearnableLlmPromptConfig withAttributeLength(int l) {
    return copy(prefixes, attributes, l, template, transformerLayers, transformerHeads, seed);
  }

  public LearnableLlmPromptConfig withTemplate(String t) {
    return copy(
        prefixes, attributes, attributeLength, t, transformerLayers, transformerHeads, seed);
  }

  public LearnableLlmPromptConfig withTransformer(int layers, int heads) {
    return copy(prefixes, attributes, attributeLength, template, layers, heads, seed);
  }

  public LearnableLlmPromptConfig withSeed(long s) {
    return copy(
        prefixes, attributes, attributeLength, template, transformerLayers, transformerHeads, s);
  }

  /** Token-sized soft prompts held near the fixed-LLM prompt (see the parameters above). */
  public LearnableLlmPromptConfig withAnswerAnchor(double scale, double weight) {
    return new LearnableLlmPromptConfig(
        prefixes,
        attributes,
        attributeLength,
        template,
        transformerLayers,
        transformerHeads,
        prefixInitScale,
        seed,
        scale,
        weight);
  }

  /** This config with the given structural knobs; the rest (scales, anchor) kept. */
  private LearnableLlmPromptConfig copy(
      int n, int k, int l, String t, int layers, int heads, long s) {
    return new LearnableLlmPromptConfig(
        n, k, l, t, layers, heads, prefixInitScale, s, softPromptScale, answerAnchorWeight);
  }

  String prompt(String label) {
    return template.replace(LABEL, label);
  }
}
