package dev.ovid.model.shapes;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.ovid.model.training.TrainingDataset;
import dev.ovid.model.training.VideoExample;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Generated clips as a {@link TrainingDataset}: frames are rendered when a batch asks for them, so
 * nothing decoded is held in memory. A clip's positives are the vocabulary's names of its entity
 * and motion, other colour names included ("crimson circle" for a red circle).
 */
public final class ShapesTrainingSet implements TrainingDataset {
  private final List<ShapesClip> clips;
  private final List<String> vocabulary;
  private final int frames;
  private final int size;

  public ShapesTrainingSet(List<ShapesClip> clips, List<String> vocabulary, int frames, int size) {
    this.clips = List.copyOf(clips);
    this.vocabulary = List.copyOf(vocabulary);
    this.frames = frames;
    this.size = size;
  }

  @Override
  public int size() {
    return clips.size();
  }

  @Override
  public List<String> vocabulary() {
    return vocabulary;
  }

  @Override
  public VideoExample get(int index, NDManager manager) {
    ShapesClip clip = clips.get(index);
    List<String> truth = clip.labels();
    int[] positives =
        IntStream.range(0, vocabulary.size())
            .filter(i -> truth.contains(ShapesWorld.canonical(vocabulary.get(i))))
            .toArray();
    return new VideoExample(
        manager.create(
            ByteBuffer.wrap(ShapesWorld.render(clip, frames, size)),
            new Shape(frames, 3, size, size),
            DataType.UINT8),
        positives);
  }
}
