package dev.ovid.model.video;

/** Shape of a CLIP vision tower, as in HF {@code CLIPVisionConfig} plus the projection width. */
public record ClipVisionSettings(
    int hiddenSize,
    int intermediateSize,
    int numHeads,
    int numLayers,
    int imageSize,
    int patchSize,
    int projectionDim,
    float layerNormEps,
    String activation) {

  public ClipVisionSettings {
    if (hiddenSize % numHeads != 0) {
      throw new IllegalArgumentException(
          "hidden size " + hiddenSize + " is not divisible by " + numHeads + " heads");
    }
    if (imageSize % patchSize != 0) {
      throw new IllegalArgumentException(
          "image size " + imageSize + " is not divisible by patch size " + patchSize);
    }
  }

  public int numPatches() {
    int side = imageSize / patchSize;
    return side * side;
  }
}
