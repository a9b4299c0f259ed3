package dev.ovid.activities.evaluation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.ovid.activities.ingestion.video.DecodedVideo;
import dev.ovid.activities.ingestion.video.PrefetchingReader;
import dev.ovid.model.core.OvidModel;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Embeds a split's videos for evaluation and batch scoring: decoded a few ahead by a {@link
 * PrefetchingReader}, embedded in batches, and only the D-wide embeddings kept. Memory holds the
 * reader's capacity of decoded videos plus N × D floats, never N decoded videos.
 */
public final class StreamedEmbeddings {
  static final int VIDEO_BATCH = 8;

  private StreamedEmbeddings() {}

  /**
   * Unit embeddings of videos 0..count-1 of {@code reader}, in order; {@code progress} is called
   * after each batch (e.g. to heartbeat).
   */
  public static float[][] embed(
      OvidModel model,
      PrefetchingReader<DecodedVideo> reader,
      int count,
      int frames,
      int size,
      Runnable progress) {
    float[][] out = new float[count][];
    reader.plan(IntStream.range(0, count).toArray());
    NDManager parent = model.manager();
    Shape one = new Shape(frames, 3, size, size);
    for (int start = 0; start < count; start += VIDEO_BATCH) {
      int end = Math.min(count, start + VIDEO_BATCH);
      try (NDManager batch = parent.newSubManager()) {
        NDList videos = new NDList();
        for (int i = start; i < end; i++) {
          byte[] pixels = reader.get(i).pixels();
          ByteBuffer buffer = ByteBuffer.allocateDirect(pixels.length);
          buffer.put(pixels).flip();
          videos.add(batch.create(buffer, one, DataType.UINT8));
        }
        NDArray input = NDArrays.stack(videos);
        NDArray embedded = model.embedVideos(input); // attached to the batch's manager
        int d = (int) embedded.getShape().get(1);
        float[] flat = embedded.toFloatArray();
        for (int i = start; i < end; i++) {
          out[i] = Arrays.copyOfRange(flat, (i - start) * d, (i - start + 1) * d);
        }
      }
      progress.run();
    }
    return out;
  }
}
