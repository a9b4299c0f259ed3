package dev.ovid.activities.ingestion.video;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * CLIP's image preprocessing: resize the shorter side to the model's size (bicubic), center-crop a
 * square, scale to [0, 1] and normalize per channel with CLIP's mean and standard deviation.
 */
public final class ClipPreprocessor {
  static final float[] MEAN = {0.48145466f, 0.4578275f, 0.40821073f};
  static final float[] STD = {0.26862954f, 0.26130258f, 0.27577711f};

  private final int size;
  private final boolean normalize;

  public ClipPreprocessor(int size) {
    this(size, true);
  }

  /** {@code normalize=false} leaves pixels in [0, 1] for models that normalize internally. */
  public ClipPreprocessor(int size, boolean normalize) {
    this.size = size;
    this.normalize = normalize;
  }

  /** Frames to one float array laid out [F, 3, size, size]. */
  public float[] toTensor(List<BufferedImage> frames) {
    int plane = size * size;
    float[] out = new float[frames.size() * 3 * plane];
    int[] rgbs = new int[plane];
    for (int f = 0; f < frames.size(); f++) {
      pixels(frames.get(f), rgbs);
      int base = f * 3 * plane;
      for (int p = 0; p < plane; p++) {
        int rgb = rgbs[p];
        out[base + p] = channel((rgb >> 16) & 0xff, 0);
        out[base + plane + p] = channel((rgb >> 8) & 0xff, 1);
        out[base + 2 * plane + p] = channel(rgb & 0xff, 2);
      }
    }
    return out;
  }

  /**
   * Frames to uint8 pixels laid out [F, 3, size, size], resized and cropped but not scaled or
   * normalised: the model does both (see {@code VideoEncoder}), so this equals {@link #toTensor}
   * with {@code normalize=false} after dividing by 255, in a quarter of the memory.
   */
  public byte[] toBytes(List<BufferedImage> frames) {
    int plane = size * size;
    byte[] out = new byte[frames.size() * 3 * plane];
    int[] rgbs = new int[plane];
    for (int f = 0; f < frames.size(); f++) {
      pixels(frames.get(f), rgbs);
      int base = f * 3 * plane;
      for (int p = 0; p < plane; p++) {
        int rgb = rgbs[p];
        out[base + p] = (byte) ((rgb >> 16) & 0xff);
        out[base + plane + p] = (byte) ((rgb >> 8) & 0xff);
        out[base + 2 * plane + p] = (byte) (rgb & 0xff);
      }
    }
    return out;
  }

  /**
   * The resized, cropped frame's pixels as packed RGB, row by row, read in one call: a call per
   * pixel went through the colour model each time.
   */
  private void pixels(BufferedImage frame, int[] rgbs) {
    centerCrop(resizeShortSide(frame)).getRGB(0, 0, size, size, rgbs, 0, size);
  }

  private float channel(int value, int c) {
    float unit = value / 255f;
    return normalize ? (unit - MEAN[c]) / STD[c] : unit;
  }

  public int size() {
    return size;
  }

  private BufferedImage resizeShortSide(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    double scale = (double) size / Math.min(w, h);
    int nw = Math.max(size, (int) Math.round(w * scale));
    int nh = Math.max(size, (int) Math.round(h * scale));
    if (nw == w && nh == h) return image;
    BufferedImage out = new BufferedImage(nw, nh, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.drawImage(image, 0, 0, nw, nh, null);
    g.dispose();
    return out;
  }

  private BufferedImage centerCrop(BufferedImage image) {
    int x = (image.getWidth() - size) / 2;
    int y = (image.getHeight() - size) / 2;
    return image.getSubimage(x, y, size, size);
  }
}
