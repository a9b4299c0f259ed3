package dev.ovid.model.clip;

/** HF {@code CLIPTextConfig} fields the text transformer needs (HF defaults where absent). */
public record ClipTextConfig(
    int vocabSize,
    int hiddenSize,
    int intermediateSize,
    int numLayers,
    int numHeads,
    int maxPositionEmbeddings,
    ClipActivation activation,
    float layerNormEps,
    int bosTokenId,
    int eosTokenId,
    int padTokenId) {

  /**
   * Configs saved before transformers PR #24773 say eos_token_id 2; HF then pools at argmax(ids).
   */
  public boolean legacyEosPooling() {
    return eosTokenId == 2;
  }
}
