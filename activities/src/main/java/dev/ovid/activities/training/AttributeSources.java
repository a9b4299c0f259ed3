package dev.ovid.activities.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Where the fixed-LLM baseline's attributes come from, given the run's T5 (its description, the
 * question asked, K, and a function that answers it for one label by greedy decoding): a batch
 * function from labels to their K attributes.
 */
@FunctionalInterface
public interface AttributeSources {
  Function<List<String>, Map<String, List<String>>> source(
      String t5Model, String prompt, int attributes, Function<String, List<String>> t5);

  /** Straight from the T5, nothing stored (tests and tools without a registry). */
  static AttributeSources unstored() {
    return (model, prompt, k, t5) ->
        labels -> {
          Map<String, List<String>> out = new LinkedHashMap<>();
          labels.forEach(l -> out.put(l, t5.apply(l)));
          return out;
        };
  }
}
