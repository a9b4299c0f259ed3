package dev.ovid.model.core;

/**
 * Shape of a small random CLIP (text and vision towers of the same width), for runs without
 * pretrained weights: tests, the demo pipeline, benchmarks.
 *
 * @param width hidden size of both towers
 * @param layers encoder layers of both towers
 * @param heads attention heads
 * @param intermediate MLP width
 * @param imageSize input resolution (square)
 * @param patchSize ViT patch size
 * @param projectionDim joint embedding width D
 * @param textContext text positions (tokens per prompt, with BOS and EOS)
 */
public record TinyClipSpec(
    int width,
    int layers,
    int heads,
    int intermediate,
    int imageSize,
    int patchSize,
    int projectionDim,
    int textContext) {

  /** 32 wide, 4 layers (enough for T = 4), 32 px frames in 8 px patches, 16-d joint space. */
  public static TinyClipSpec tiny() {
    return new TinyClipSpec(32, 4, 4, 64, 32, 8, 16, 24);
  }

  public TinyClipSpec {
    if (width % heads != 0 || imageSize % patchSize != 0 || layers < 1 || textContext < 3) {
      throw new IllegalArgumentException("inconsistent tiny CLIP shape: " + this);
    }
  }
}
