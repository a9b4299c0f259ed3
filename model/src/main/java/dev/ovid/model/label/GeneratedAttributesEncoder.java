package dev.ovid.model.label;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.ovid.model.clip.ClipModel;
import dev.ovid.model.t5.SentencePieceTokenizer;
import dev.ovid.model.t5.T5Model;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The fixed-LLM baseline for vocabularies known only at call time: attributes of the labels not
 * seen yet come from {@code source} (e.g. {@link T5AttributeGenerator}, or a store of generated
 * sets) in one batch and are kept, then encoded as {@link FixedLlmAttributesEncoder} does.
 */
public final class GeneratedAttributesEncoder extends FrozenClipTextEncoder {
  private final Function<List<String>, Map<String, List<String>>> source;
  private final Map<String, List<String>> cache = new ConcurrentHashMap<>();

  /** Attributes label by label. */
  public GeneratedAttributesEncoder(ClipModel clip, Function<String, List<String>> perLabel) {
    this(clip, perLabel, true);
  }

  private GeneratedAttributesEncoder(
      ClipModel clip, Function<String, List<String>> perLabel, boolean unused) {
    super(clip);
    this.source =
        labels -> {
          Map<String, List<String>> out = new java.util.LinkedHashMap<>();
          labels.forEach(l -> out.put(l, perLabel.apply(l)));
          return out;
        };
  }

  private GeneratedAttributesEncoder(
      ClipModel clip, Function<List<String>, Map<String, List<String>>> batch, Void unused) {
    super(clip);
    this.source = batch;
  }

  /**
   * Each label prompted with the T5's whole answer to {@code template}, one attribute ("scarlet
   * circle, red circle"), decoded for up to {@link T5AttributeGenerator#ANSWER_STEPS} tokens on
   * {@code manager}: the fixed-LLM prompt that the shapes experiment's baseline and the learnable
   * encoder's answer anchor share.
   */
  public static GeneratedAttributesEncoder t5Answers(
      ClipModel clip,
      T5Model t5,
      SentencePieceTokenizer tokenizer,
      String template,
      NDManager manager) {
    T5AttributeGenerator answers =
        new T5AttributeGenerator(t5, tokenizer, template, 1, T5AttributeGenerator.ANSWER_STEPS);
    return new GeneratedAttributesEncoder(clip, label -> answers.generate(label, manager));
  }

  /**
   * Attributes of all the labels an {@link #encode} call has not seen yet, asked for at once
   * (distinct, in first-seen order); the answer must cover each of them.
   */
  public static GeneratedAttributesEncoder batched(
      ClipModel clip, Function<List<String>, Map<String, List<String>>> batch) {
    return new GeneratedAttributesEncoder(clip, batch, (Void) null);
  }

  /** The attributes generated so far, by label. */
  public Map<String, List<String>> attributes() {
    return Map.copyOf(cache);
  }

  @Override
  public NDArray encode(List<String> labels) {
    ClipPrompts.requireLabels(labels);
    List<String> missing = labels.stream().distinct().filter(l -> !cache.containsKey(l)).toList();
    if (!missing.isEmpty()) {
      Map<String, List<String>> generated = source.apply(missing);
      for (String label : missing) {
        List<String> attributes = generated.get(label);
        if (attributes == null || attributes.isEmpty()) {
          throw new IllegalStateException("no attributes were generated for label '" + label + "'");
        }
        cache.put(label, List.copyOf(attributes));
      }
    }
    return new FixedLlmAttributesEncoder(clip, cache).encode(labels);
  }
}
