package dev.ovid.model.bench;

import dev.ovid.model.core.TinyClipSpec;
import dev.ovid.model.label.LearnableLlmPromptConfig;

/**
 * The shapes {@code bin/ovid bench model} times: {@code base} is the paper's model at CLIP ViT-B/16
 * size (vision 12 layers × 768, 224 px, patch 16; text 12 layers × 512, 77 tokens; joint width 512)
 * with a Flan-T5-small-shaped LLM (d_model 512, 8 layers, d_ff 1024; 8 heads of 64 instead of 6,
 * and a character vocabulary instead of 32k pieces); {@code tiny} is a seconds-long smoke size.
 *
 * @param t5Width d_model
 * @param t5Layers encoder and decoder layers each
 * @param t5Heads attention heads (d_kv = width / heads)
 * @param t5FeedForward gated-GELU width
 */
public record BenchSize(
    String name,
    TinyClipSpec vision,
    TinyClipSpec text,
    int t5Width,
    int t5Layers,
    int t5Heads,
    int t5FeedForward,
    LearnableLlmPromptConfig prompts,
    int videos,
    int frames,
    int temporalLayers) {

  public static BenchSize named(String name) {
    LearnableLlmPromptConfig prompts = LearnableLlmPromptConfig.defaults();
    return switch (name) {
      case "base" ->
          new BenchSize(
              "base",
              new TinyClipSpec(768, 12, 12, 3072, 224, 16, 512, 77),
              new TinyClipSpec(512, 12, 8, 2048, 224, 16, 512, 77),
              512,
              8,
              8,
              1024,
              prompts,
              2,
              8,
              4);
      case "tiny" ->
          new BenchSize(
              "tiny",
              new TinyClipSpec(64, 4, 4, 256, 64, 16, 32, 32),
              new TinyClipSpec(64, 4, 4, 256, 64, 16, 32, 32),
              32,
              2,
              4,
              64,
              prompts.withPrefixes(2).withAttributes(2).withAttributeLength(2),
              2,
              8,
              4);
      default -> throw new IllegalArgumentException("unknown size " + name + " (tiny or base)");
    };
  }
}
