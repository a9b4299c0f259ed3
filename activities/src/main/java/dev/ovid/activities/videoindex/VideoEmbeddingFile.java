package dev.ovid.activities.videoindex;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ovid.registry.common.Json;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Unit video embeddings [N, D] with what each row is (video id, uri, sha256, thumbnail): a shard of
 * an index, or a whole index. Layout: the 8 bytes {@code OVIDVIX1}, a big-endian int length, that
 * many bytes of JSON header, then N × D little-endian float32. The same content always gives the
 * same bytes, so a file can be stored under its sha256.
 */
public final class VideoEmbeddingFile {
  private static final byte[] MAGIC = "OVIDVIX1".getBytes(StandardCharsets.US_ASCII);

  /** One row of the file: a video of the dataset version and its thumbnail JPEG's sha256. */
  public record IndexedVideo(String id, String uri, String sha256, String thumbnailSha256) {}

  /** The JSON header. */
  public record Header(
      String model, long datasetVersionId, int dimension, List<IndexedVideo> videos) {}

  private final Header header;
  private final float[] rows;

  public VideoEmbeddingFile(Header header, float[] rows) {
    if (rows.length != header.videos().size() * header.dimension()) {
      throw new IllegalArgumentException(
          rows.length
              + " floats for "
              + header.videos().size()
              + " videos of dimension "
              + header.dimension());
    }
    this.header = header;
    this.rows = rows;
  }

  public Header header() {
    return header;
  }

  public List<IndexedVideo> videos() {
    return header.videos();
  }

  public int size() {
    return header.videos().size();
  }

  public int dimension() {
    return header.dimension();
  }

  /** The videos' embeddings as [N][D] (copies). */
  public float[][] matrix() {
    int d = dimension();
    float[][] out = new float[size()][];
    for (int i = 0; i < out.length; i++) out[i] = Arrays.copyOfRange(rows, i * d, (i + 1) * d);
    return out;
  }

  /** The shards' rows in order, as one file. */
  public static VideoEmbeddingFile concat(
      String model, long datasetVersionId, List<VideoEmbeddingFile> parts) {
    int dimension = parts.isEmpty() ? 0 : parts.get(0).dimension();
    List<IndexedVideo> videos = new ArrayList<>();
    int total = 0;
    for (VideoEmbeddingFile part : parts) {
      if (part.size() > 0 && part.dimension() != dimension) {
        throw new IllegalArgumentException(
            "shards of dimension " + dimension + " and " + part.dimension());
      }
      videos.addAll(part.videos());
      total += part.rows.length;
    }
    float[] rows = new float[total];
    int at = 0;
    for (VideoEmbeddingFile part : parts) {
      System.arraycopy(part.rows, 0, rows, at, part.rows.length);
      at += part.rows.length;
    }
    return new VideoEmbeddingFile(new Header(model, datasetVersionId, dimension, videos), rows);
  }

  public void save(Path file) throws IOException {
    byte[] json;
    try {
      json = Json.mapper().writeValueAsBytes(header);
    } catch (JsonProcessingException e) {
      throw new IOException("cannot write the index header", e);
    }
    ByteBuffer floats = ByteBuffer.allocate(rows.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    floats.asFloatBuffer().put(rows);
    try (var out = Files.newOutputStream(file)) {
      out.write(MAGIC);
      out.write(ByteBuffer.allocate(4).putInt(json.length).array());
      out.write(json);
      out.write(floats.array());
    }
  }

  /** Reads a stored file back, checking its sha256. */
  public static VideoEmbeddingFile download(
      dev.ovid.registry.objectstore.ObjectStore store, dev.ovid.workflows.common.ObjectRef ref) {
    return dev.ovid.activities.common.ScratchFiles.withTempFile(
        "ovid-video-index-",
        ".ovidvix",
        path -> {
          store.download(
              dev.ovid.registry.objectstore.S3Location.parse(ref.uri()).key(), path, ref.sha256());
          return load(path);
        });
  }

  public static VideoEmbeddingFile load(Path file) throws IOException {
    try (InputStream raw = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw))) {
      byte[] magic = in.readNBytes(MAGIC.length);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new IOException(file + " is not a video embedding file (bad magic)");
      }
      int length = in.readInt();
      if (length < 2 || length > 512 * 1024 * 1024) {
        throw new IOException(file + ": implausible header length " + length);
      }
      Header header = Json.mapper().readValue(in.readNBytes(length), Header.class);
      int count = header.videos().size() * header.dimension();
      byte[] bytes = in.readNBytes(count * 4);
      if (bytes.length != count * 4) {
        throw new IOException(
            file + " is truncated: " + bytes.length + " of " + count * 4 + " bytes");
      }
      float[] rows = new float[count];
      ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(rows);
      return new VideoEmbeddingFile(header, rows);
    }
  }
}
