package dev.ovid.model.label;

import ai.djl.ndarray.NDArray;
import dev.ovid.model.clip.ClipModel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The fixed-LLM baseline for vocabularies known only at call time: attributes of each new label
 * come from {@code source} (e.g. {@link T5AttributeGenerator}) once and are kept, then encoded as
 * {@link FixedLlmAttributesEncoder} does.
 */
public final class GeneratedAttributesEncoder extends FrozenClipTextEncoder {
  private final Function<String, List<String>> source;
  private final Map<String, List<String>> cache = new ConcurrentHashMap<>();

  public GeneratedAttributesEncoder(ClipModel clip, Function<String, List<String>> source) {
    super(clip);
    this.source = source;
  }

  /** The attributes generated so far, by label. */
  public Map<String, List<String>> attributes() {
    return Map.copyOf(cache);
  }

  @Override
  public NDArray encode(List<String> labels) {
    ClipPrompts.requireLabels(labels);
    for (String label : labels) {
      cache.computeIfAbsent(label, source);
    }
    return new FixedLlmAttributesEncoder(clip, cache).encode(labels);
  }
}
