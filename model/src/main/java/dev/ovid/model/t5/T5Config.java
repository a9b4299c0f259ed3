package dev.ovid.model.t5;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The fields of a Hugging Face {@code T5Config} that the forward pass needs, read from a
 * checkpoint's {@code config.json}. Defaults are those of {@code transformers.T5Config}.
 */
public record T5Config(
    int vocabSize,
    int dModel,
    int dKv,
    int dFf,
    int numLayers,
    int numDecoderLayers,
    int numHeads,
    int relativeAttentionNumBuckets,
    int relativeAttentionMaxDistance,
    double layerNormEpsilon,
    FeedForwardKind feedForward,
    boolean tieWordEmbeddings,
    int decoderStartTokenId,
    int eosTokenId,
    int padTokenId) {

  /** The feed-forward variants of T5: original ReLU, and the gated ones of T5 v1.1 / Flan-T5. */
  public enum FeedForwardKind {
    RELU,
    GATED_GELU,
    GATED_RELU,
    GATED_SILU;

    /** Parses HF's {@code feed_forward_proj} ("relu", "gated-gelu", "gated-silu", ...). */
    static FeedForwardKind parse(String value, Path file) {
      return switch (value) {
        case "relu" -> RELU;
        case "gated-gelu" -> GATED_GELU;
        case "gated-relu" -> GATED_RELU;
        case "gated-silu" -> GATED_SILU;
        default ->
            throw new IllegalArgumentException(
                file + ": unsupported feed_forward_proj '" + value + "'");
      };
    }

    boolean gated() {
      return this != RELU;
    }
  }

  public int innerDim() {
    return numHeads * dKv;
  }

  /** Reads {@code config.json}; missing fields take {@code transformers.T5Config}'s defaults. */
  public static T5Config read(Path configJson) {
    JsonNode n;
    try {
      n = new ObjectMapper().readTree(Files.readString(configJson));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read T5 config " + configJson, e);
    }
    int numLayers = n.path("num_layers").asInt(6);
    return new T5Config(
        n.path("vocab_size").asInt(32128),
        n.path("d_model").asInt(512),
        n.path("d_kv").asInt(64),
        n.path("d_ff").asInt(2048),
        numLayers,
        n.hasNonNull("num_decoder_layers") ? n.get("num_decoder_layers").asInt() : numLayers,
        n.path("num_heads").asInt(8),
        n.path("relative_attention_num_buckets").asInt(32),
        n.path("relative_attention_max_distance").asInt(128),
        n.path("layer_norm_epsilon").asDouble(1e-6),
        FeedForwardKind.parse(n.path("feed_forward_proj").asText("relu"), configJson),
        n.path("tie_word_embeddings").asBoolean(true),
        n.path("decoder_start_token_id").asInt(0),
        n.path("eos_token_id").asInt(1),
        n.path("pad_token_id").asInt(0));
  }
}
