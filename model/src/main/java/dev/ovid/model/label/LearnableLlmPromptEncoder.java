package dev.ovid.model.label;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.ovid.model.clip.ClipModel;
import dev.ovid.model.clip.ClipTextEncoder;
import dev.ovid.model.core.Autocast;
import dev.ovid.model.core.CounterRandom;
import dev.ovid.model.core.Tensors;
import dev.ovid.model.t5.SentencePieceTokenizer;
import dev.ovid.model.t5.T5Model;
import dev.ovid.model.tokenizer.ClipTokenizer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Learnable LLM prompting, the paper's label encoder. For each label ℓ and each of N learnable
 * prefixes P_i: [P_i ; T5-embed(template(ℓ))] → frozen T5 encoder → K·L greedy decoder steps → K
 * soft attributes of L vectors → trainable prompt transformer → L CLIP token embeddings (a soft
 * prompt) → [BOS, soft prompt, CLIP tokens of ℓ, EOS] → frozen CLIP text encoder (pooled at EOS).
 * The N·K features are normalized, mean-pooled and normalized: f_t(ℓ).
 *
 * <p>All labels and prefixes go through T5 as one batch of (labels × N) sequences and through CLIP
 * as one batch of (labels × N × K). Trainable: the prefixes and the prompt transformer only.
 */
public final class LearnableLlmPromptEncoder implements LabelEncoder {
  private static final long STREAM_PREFIXES = 1;
  private static final long STREAM_PROMPT_TRANSFORMER = 2;

  private final ClipModel clip;
  private final T5Model t5;
  private final SentencePieceTokenizer t5Tokenizer;
  private final LearnableLlmPromptConfig config;
  private final NDArray prefixes;
  private final PromptTransformer promptTransformer;
  private final int clipWidth;
  // The answer anchor's fixed-LLM prompts and their embeddings by label (null: no anchor).
  private final LabelEncoder answerPrompts;
  private final Map<String, float[]> answerTargets = new ConcurrentHashMap<>();

  /**
   * @param manager owns the trainable parameters (the model's manager, on the device of CLIP and
   *     T5)
   */
  public LearnableLlmPromptEncoder(
      ClipModel clip,
      T5Model t5,
      SentencePieceTokenizer t5Tokenizer,
      LearnableLlmPromptConfig config,
      NDManager manager) {
    this.clip = clip;
    this.t5 = t5;
    this.t5Tokenizer = t5Tokenizer;
    this.config = config;
    if (!t5.sharedEmbedding().getDevice().equals(clip.device())
        || !manager.getDevice().equals(clip.device())) {
      throw new IllegalArgumentException(
          "CLIP ("
              + clip.device()
              + "), T5 ("
              + t5.sharedEmbedding().getDevice()
              + ") and the parameter manager ("
              + manager.getDevice()
              + ") must share one device");
    }
    int d = t5.dModel();
    this.clipWidth = clip.text().hiddenSize();
    int context = Math.min(clip.tokenizer().contextLength(), clip.text().contextLength());
    int room = context - config.attributeLength() - 2;
    if (room < 1) {
      throw new IllegalArgumentException(
          "attributeLength "
              + config.attributeLength()
              + " leaves no room for the label in"
              + " CLIP's context of "
              + context
              + " tokens");
    }
    double std = config.prefixInitScale() * embeddingStd(t5.sharedEmbedding());
    this.prefixes =
        Tensors.normal(
            manager,
            new Shape(config.prefixes(), d),
            std,
            new CounterRandom(config.seed(), STREAM_PREFIXES));
    this.promptTransformer =
        new PromptTransformer(
            manager,
            d,
            clipWidth,
            config.transformerLayers(),
            config.transformerHeads(),
            (float) embeddingStd(clip.text().tokenEmbedding().getArray()),
            config.softPromptScale(),
            new CounterRandom(config.seed(), STREAM_PROMPT_TRANSFORMER));
    this.answerPrompts =
        config.answerAnchorWeight() > 0
            ? GeneratedAttributesEncoder.t5Answers(
                clip, t5, t5Tokenizer, config.template(), manager)
            : null;
  }

  private static double embeddingStd(NDArray embedding) {
    // The scope frees the [V, D] temporaries, which would otherwise live as long as T5's manager.
    try (NDScope scope = new NDScope()) {
      NDArray e = embedding.toType(DataType.FLOAT32, true);
      NDArray centered = e.sub(e.mean());
      return Math.sqrt(centered.square().mean().getFloat());
    }
  }

  /** About 256 CLIP sequences (labels × N × K) per chunk when embedding a vocabulary. */
  @Override
  public int embedChunkSize() {
    return Math.max(1, 256 / (config.prefixes() * config.attributes()));
  }

  public LearnableLlmPromptConfig config() {
    return config;
  }

  @Override
  public NDArray encode(List<String> labels) {
    ClipPrompts.requireLabels(labels);
    NDArray softPrompts = softPrompts(labels); // [c·N·K, L, W]
    int groups = config.prefixes() * config.attributes();
    NDArray features = clipFeatures(labels, softPrompts, groups); // [c·N·K, P]
    return ClipPrompts.poolGroups(Tensors.normalizeRows(features), labels.size(), groups);
  }

  /** Soft prompts [c·N·K, L, W]: the prompt transformer over the soft attributes. */
  NDArray softPrompts(List<String> labels) {
    NDArray attributes;
    // T5 overflows float16 (Precision.FP16): it computes in float32 there; bfloat16 stays.
    try (Autocast.Scope t5Range = Autocast.suspendFloat16()) {
      attributes = softAttributes(labels, prefixes.getManager());
    }
    return promptTransformer.forward(attributes);
  }

  /**
   * CLIP side: text features [c·G, P] of [BOS, soft prompt, CLIP tokens of the label, EOS] for
   * {@code groups} soft prompts per label ({@code softPrompts} [c·G, L', W], label-major). Rows are
   * padded after EOS; the causal mask keeps padding out of the EOS state that is pooled.
   */
  NDArray clipFeatures(List<String> labels, NDArray softPrompts, int groups) {
    int count = labels.size();
    int l = (int) softPrompts.getShape().get(1);
    NDManager manager = softPrompts.getManager();
    ClipTokenizer tokenizer = clip.tokenizer();
    int room = Math.min(tokenizer.contextLength(), clip.text().contextLength()) - l - 2;
    int[][] labelTokens = new int[count][];
    int longest = 0;
    for (int i = 0; i < count; i++) {
      int[] ids = tokenizer.encodeWithoutSpecialTokens(labels.get(i));
      labelTokens[i] = ids.length > room ? Arrays.copyOf(ids, room) : ids;
      longest = Math.max(longest, labelTokens[i].length);
    }
    int width = 2 + l + longest;
    long[] ids = new long[count * width];
    long[] eos = new long[count * groups];
    for (int i = 0; i < count; i++) {
      int row = i * width;
      Arrays.fill(ids, row, row + width, tokenizer.padId());
      ids[row] = tokenizer.bosId();
      for (int j = 0; j < labelTokens[i].length; j++) {
        ids[row + 1 + l + j] = labelTokens[i][j];
      }
      int eosAt = 1 + l + labelTokens[i].length;
      ids[row + eosAt] = tokenizer.eosId();
      Arrays.fill(eos, i * groups, (i + 1) * groups, eosAt);
    }
    ClipTextEncoder text = clip.text();
    NDArray tokenEmbeds =
        text.tokenEmbeddings(
            manager.create(ids, new Shape(count, width)).toDevice(softPrompts.getDevice(), false));
    NDArray bos =
        tokenEmbeds.get(":, :1, :").expandDims(1).broadcast(new Shape(count, groups, 1, clipWidth));
    NDArray tail =
        tokenEmbeds
            .get(":, " + (1 + l) + ":, :")
            .expandDims(1)
            .broadcast(new Shape(count, groups, width - 1 - l, clipWidth));
    NDArray soft = softPrompts.reshape(count, groups, l, clipWidth);
    NDArray inputs =
        bos.concat(soft, 2).concat(tail, 2).reshape((long) count * groups, width, clipWidth);
    return text.encodeEmbeddings(
        inputs, manager.create(eos).toDevice(softPrompts.getDevice(), false));
  }

  /** T5 side: soft attributes [count·N·K, L, d_T5] in label-major, then prefix, order. */
  NDArray softAttributes(List<String> labels, NDManager manager) {
    int count = labels.size();
    int n = config.prefixes();
    int d = t5.dModel();
    NDArray[] idsAndMask =
        t5Tokenizer.encodeBatch(labels.stream().map(config::prompt).toList(), manager);
    long m = idsAndMask[0].getShape().get(1);
    NDArray tokens =
        t5.embed(idsAndMask[0]).expandDims(1).broadcast(new Shape(count, n, m, d)); // [c, N, M, d]
    NDArray prefix = prefixes.reshape(1, n, 1, d).broadcast(new Shape(count, n, 1, d));
    NDArray embeds = prefix.concat(tokens, 2).reshape(count * n, 1 + m, d);
    NDArray mask =
        manager
            .ones(new Shape(count, n, 1), DataType.INT64)
            .concat(idsAndMask[1].expandDims(1).broadcast(new Shape(count, n, m)), 2)
            .reshape(count * n, 1 + m);
    NDArray encoder = t5.encode(embeds, mask);
    NDArray decoded;
    if (Autocast.enabled()) {
      // Under mixed precision the differentiable passes run in bfloat16, but the greedy choice is
      // made in float32, on a float32 encoding: it takes an argmax over near-tied logits, and
      // bfloat16 rounding flipped its tokens from step to step (at base size the loss drifted 0.04
      // from float32's in 4 steps; 0.002 with the choice in float32).
      try (Autocast.Scope fullPrecision = Autocast.suspend()) {
        NDArray exact = t5.encode(embeds.stopGradient(), mask);
        decoded = t5.greedyTokens(exact, mask, config.decodingSteps());
      }
    } else {
      decoded = t5.greedyTokens(encoder, mask, config.decodingSteps());
    }
    NDArray hidden = t5.decode(decoded.get(":, :-1"), encoder, mask);
    return hidden.reshape((long) count * n * config.attributes(), config.attributeLength(), d);
  }

  /**
   * The answer anchor ({@link LearnableLlmPromptConfig#answerAnchorWeight}): weight × the mean
   * squared distance between each label's embedding and that of its fixed-LLM prompt. Those targets
   * are frozen, so they are computed once per label and kept.
   */
  @Override
  public NDArray regularizer(List<String> labels, NDArray embeddings) {
    if (answerPrompts == null) {
      return null;
    }
    List<String> missing =
        labels.stream().distinct().filter(l -> !answerTargets.containsKey(l)).toList();
    if (!missing.isEmpty()) {
      float[] flat = answerPrompts.encode(missing).toType(DataType.FLOAT32, false).toFloatArray();
      int d = flat.length / missing.size();
      for (int i = 0; i < missing.size(); i++) {
        answerTargets.put(missing.get(i), Arrays.copyOfRange(flat, i * d, (i + 1) * d));
      }
    }
    int d = answerTargets.get(labels.get(0)).length;
    float[] targets = new float[labels.size() * d];
    for (int i = 0; i < labels.size(); i++) {
      System.arraycopy(answerTargets.get(labels.get(i)), 0, targets, i * d, d);
    }
    NDArray target =
        embeddings
            .getManager()
            .create(targets, new Shape(labels.size(), d))
            .toDevice(embeddings.getDevice(), false);
    NDArray distance =
        embeddings.toType(DataType.FLOAT32, false).sub(target).square().sum(new int[] {1});
    return Tensors.mul(distance.mean(), (float) config.answerAnchorWeight());
  }

  @Override
  public int embedDim() {
    return clip.config().projectionDim();
  }

  /** "prefixes" [N, d_T5] and "prompt_transformer.*". */
  @Override
  public Map<String, NDArray> trainableParameters() {
    Map<String, NDArray> out = new LinkedHashMap<>();
    out.put("prefixes", prefixes);
    promptTransformer.parameters().forEach((name, p) -> out.put("prompt_transformer." + name, p));
    return out;
  }

  @Override
  public Map<String, NDArray> frozenParameters() {
    Map<String, NDArray> out =
        new LinkedHashMap<>(ClipPrompts.parametersOf("clip_text.", clip.text()));
    out.putAll(ClipPrompts.parametersOf("t5.", t5));
    return out;
  }
}
