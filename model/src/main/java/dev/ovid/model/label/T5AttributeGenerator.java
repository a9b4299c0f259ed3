package dev.ovid.model.label;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.ovid.model.t5.DecodedSequence;
import dev.ovid.model.t5.SentencePieceTokenizer;
import dev.ovid.model.t5.T5Model;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes the fixed-LLM baseline's attributes with a T5: the paper's question about the label,
 * greedy decoding, the answer split at commas, semicolons and line breaks into K attributes.
 * Deterministic for a given T5, so the attributes of a label never change between calls. An answer
 * with fewer than K parts is cut into K runs of words; an empty answer gives the label itself.
 */
public final class T5AttributeGenerator {
  /** Decoding steps per attribute: enough for a short phrase. */
  static final int TOKENS_PER_ATTRIBUTE = 6;

  /**
   * Decoding steps for a whole short answer given as one attribute: a character-level T5's longest
   * answer in the shapes world ("yellow triangle") takes 16 and its end-of-sequence token.
   */
  public static final int ANSWER_STEPS = 24;

  private final T5Model t5;
  private final SentencePieceTokenizer tokenizer;
  private final String template;
  private final int attributes;
  private final int tokensPerAttribute;

  /** {@value #TOKENS_PER_ATTRIBUTE} decoding steps per attribute, for word-piece T5s. */
  public T5AttributeGenerator(
      T5Model t5, SentencePieceTokenizer tokenizer, String template, int attributes) {
    this(t5, tokenizer, template, attributes, TOKENS_PER_ATTRIBUTE);
  }

  /**
   * @param tokensPerAttribute decoding steps per attribute (a character-level T5 needs a step per
   *     letter)
   */
  public T5AttributeGenerator(
      T5Model t5,
      SentencePieceTokenizer tokenizer,
      String template,
      int attributes,
      int tokensPerAttribute) {
    if (!template.contains(LearnableLlmPromptConfig.LABEL)
        || attributes < 1
        || tokensPerAttribute < 1) {
      throw new IllegalArgumentException(
          "template needs {label}, and attributes and tokens per attribute must be >= 1: "
              + template
              + ", "
              + attributes
              + ", "
              + tokensPerAttribute);
    }
    this.t5 = t5;
    this.tokenizer = tokenizer;
    this.template = template;
    this.attributes = attributes;
    this.tokensPerAttribute = tokensPerAttribute;
  }

  /** The question asked, with {@code {label}} where the label goes. */
  public String template() {
    return template;
  }

  /** K, attributes per label. */
  public int attributes() {
    return attributes;
  }

  /** K attribute strings for {@code label}. */
  public List<String> generate(String label, NDManager manager) {
    try (NDManager scratch = manager.newSubManager()) {
      NDArray[] batch = tokenizer.encodeBatch(List.of(template.replace("{label}", label)), scratch);
      NDArray encoded = t5.encode(t5.embed(batch[0]), batch[1]);
      DecodedSequence out = t5.greedyDecode(encoded, batch[1], attributes * tokensPerAttribute);
      long[] tokens = out.tokens().toType(ai.djl.ndarray.types.DataType.INT64, false).toLongArray();
      // The answer ends at the first end-of-sequence token: what follows it is not an answer.
      int eos = t5.config().eosTokenId();
      int[] ids = Arrays.stream(tokens).mapToInt(t -> (int) t).takeWhile(t -> t != eos).toArray();
      return split(tokenizer.decode(ids), label, attributes);
    }
  }

  /**
   * An LLM's answer as K attributes: split at commas, semicolons and line breaks, or cut into K
   * runs of words when it has fewer parts; an empty answer gives the label itself.
   */
  public static List<String> split(String answer, String label, int k) {
    List<String> parts = new ArrayList<>();
    for (String p : answer.split("[,;\\n]")) {
      if (!p.isBlank()) {
        parts.add(p.strip());
      }
    }
    if (parts.size() < k) {
      String[] words = answer.strip().split("\\s+");
      parts.clear();
      if (answer.isBlank()) {
        parts.add(label);
      } else {
        int per = Math.max(1, (words.length + k - 1) / k);
        for (int i = 0; i < words.length && parts.size() < k; i += per) {
          parts.add(
              String.join(" ", Arrays.copyOfRange(words, i, Math.min(words.length, i + per))));
        }
      }
    }
    return List.copyOf(parts.subList(0, Math.min(k, parts.size())));
  }
}
