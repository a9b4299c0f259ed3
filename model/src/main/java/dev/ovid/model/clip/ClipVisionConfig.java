package dev.ovid.model.clip;

/** HF {@code CLIPVisionConfig} fields the vision transformer needs (HF defaults where absent). */
public record ClipVisionConfig(
    int hiddenSize,
    int intermediateSize,
    int numLayers,
    int numHeads,
    int numChannels,
    int imageSize,
    int patchSize,
    ClipActivation activation,
    float layerNormEps) {

  public int numPatches() {
    int side = imageSize / patchSize;
    return side * side;
  }
}
