package dev.ovid.model.training;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.ovid.model.core.CounterRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Synthetic videos whose pixels decide their labels: a background colour (red, green or blue), a
 * brightness (bright or dark) and a square that either moves across the frames or stays put. Labels
 * "yellow" and "noise" are never positive (pure negatives).
 */
final class ColourVideos implements TrainingDataset {
  static final List<String> VOCABULARY =
      List.of("red", "green", "blue", "bright", "dark", "moving", "still", "yellow", "noise");

  private final int videos;
  private final int frames;
  private final int size;
  private final long seed;

  ColourVideos(int videos, int frames, int size, long seed) {
    this.videos = videos;
    this.frames = frames;
    this.size = size;
    this.seed = seed;
  }

  @Override
  public int size() {
    return videos;
  }

  @Override
  public List<String> vocabulary() {
    return VOCABULARY;
  }

  int[] labels(int index) {
    CounterRandom r = new CounterRandom(seed, index);
    int colour = r.nextInt(3);
    int brightness = r.nextInt(2);
    int motion = r.nextInt(2);
    return new int[] {colour, 3 + brightness, 5 + motion};
  }

  @Override
  public VideoExample get(int index, NDManager manager) {
    int[] labels = labels(index);
    CounterRandom noise = new CounterRandom(seed, index, 1);
    float level = labels[1] == 3 ? 0.9f : 0.35f;
    float[] pixels = new float[frames * 3 * size * size];
    int square = size / 4;
    for (int f = 0; f < frames; f++) {
      int offset = labels[2] == 5 ? (f * (size - square)) / Math.max(1, frames - 1) : size / 2;
      for (int c = 0; c < 3; c++) {
        for (int y = 0; y < size; y++) {
          for (int x = 0; x < size; x++) {
            float value = c == labels[0] ? level : 0.1f;
            if (y >= size / 2 - square / 2
                && y < size / 2 + square / 2
                && x >= offset
                && x < offset + square) {
              value = 1f;
            }
            value += (float) (noise.nextDouble() * 0.05);
            pixels[((f * 3 + c) * size + y) * size + x] = Math.min(1f, value);
          }
        }
      }
    }
    return new VideoExample(manager.create(pixels, new Shape(frames, 3, size, size)), labels);
  }

  List<int[]> allLabels() {
    List<int[]> out = new ArrayList<>();
    for (int i = 0; i < videos; i++) {
      out.add(labels(i));
    }
    return out;
  }
}
