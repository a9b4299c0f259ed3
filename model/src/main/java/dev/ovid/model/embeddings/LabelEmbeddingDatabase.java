package dev.ovid.model.embeddings;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The method's label-embedding database (vocabulary expansion and inference stages): each label's
 * text embedding f_t(ℓ) computed once by the trained label encoder, so scoring a video is one dot
 * product per label, s(ℓ, v) = f_t(ℓ)ᵀ f_v(v), and p(ℓ, v) = σ(s / τ).
 *
 * <p>Immutable: {@link #expand} returns a new database whose existing rows are bit-identical. Rows
 * are stored L2-normalised (f32). Video embeddings are expected to be unit vectors already, as the
 * video encoder produces them; they are used as given.
 */
public final class LabelEmbeddingDatabase {

  public static final int DEFAULT_BATCH_SIZE = 64;

  private final String modelVersion;
  private final List<LabelEntry> labels;
  private final int dimension;
  private final float[] rows; // [L * D], row-major
  private final Map<String, Integer> indexById;

  private LabelEmbeddingDatabase(
      String modelVersion, List<LabelEntry> labels, int dimension, float[] rows) {
    this.modelVersion = modelVersion;
    this.labels = List.copyOf(labels);
    this.dimension = dimension;
    this.rows = rows;
    this.indexById = new HashMap<>();
    Map<String, Integer> byName = new HashMap<>();
    for (int i = 0; i < this.labels.size(); i++) {
      LabelEntry e = this.labels.get(i);
      if (indexById.put(e.id(), i) != null) {
        throw new IllegalArgumentException("duplicate label id '" + e.id() + "'");
      }
      if (byName.put(e.name(), i) != null) {
        throw new IllegalArgumentException("duplicate label name '" + e.name() + "'");
      }
    }
  }

  /** Embeds {@code labels} in batches of {@code batchSize} with {@code encoder}. */
  public static LabelEmbeddingDatabase build(
      List<LabelEntry> labels, BatchLabelEncoder encoder, int batchSize, String modelVersion) {
    if (modelVersion == null || modelVersion.isBlank()) {
      throw new IllegalArgumentException("model version is required");
    }
    if (labels.isEmpty()) {
      throw new IllegalArgumentException("no labels to embed");
    }
    float[][] first = encodeBatches(labels, encoder, batchSize, -1);
    int dimension = first[0].length;
    return new LabelEmbeddingDatabase(modelVersion, labels, dimension, flatten(first, dimension));
  }

  /** Embeds label names, each name being its own id. */
  public static LabelEmbeddingDatabase build(
      List<String> names, BatchLabelEncoder encoder, String modelVersion) {
    return build(entries(names), encoder, DEFAULT_BATCH_SIZE, modelVersion);
  }

  /**
   * Vocabulary expansion: a new database with {@code newLabels} appended, embedded by the same
   * model's encoder; every existing row, id and position is unchanged.
   */
  public LabelEmbeddingDatabase expand(
      List<LabelEntry> newLabels, BatchLabelEncoder encoder, int batchSize) {
    if (newLabels.isEmpty()) {
      return this;
    }
    for (LabelEntry e : newLabels) {
      if (indexById.containsKey(e.id())) {
        throw new IllegalArgumentException("label id '" + e.id() + "' is already in the database");
      }
    }
    float[][] added = encodeBatches(newLabels, encoder, batchSize, dimension);
    float[] merged = Arrays.copyOf(rows, rows.length + newLabels.size() * dimension);
    System.arraycopy(
        flatten(added, dimension), 0, merged, rows.length, newLabels.size() * dimension);
    List<LabelEntry> all = new ArrayList<>(labels);
    all.addAll(newLabels);
    return new LabelEmbeddingDatabase(modelVersion, all, dimension, merged);
  }

  /** Expansion by names, each name being its own id. */
  public LabelEmbeddingDatabase expand(List<String> names, BatchLabelEncoder encoder) {
    return expand(entries(names), encoder, DEFAULT_BATCH_SIZE);
  }

  private static List<LabelEntry> entries(List<String> names) {
    return names.stream().map(n -> new LabelEntry(n, n)).toList();
  }

  private static float[][] encodeBatches(
      List<LabelEntry> labels, BatchLabelEncoder encoder, int batchSize, int dimension) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batch size must be positive: " + batchSize);
    }
    float[][] out = new float[labels.size()][];
    int d = dimension;
    for (int start = 0; start < labels.size(); start += batchSize) {
      List<LabelEntry> batch = labels.subList(start, Math.min(labels.size(), start + batchSize));
      float[][] encoded = encoder.encode(batch.stream().map(LabelEntry::name).toList());
      if (encoded == null || encoded.length != batch.size()) {
        throw new IllegalStateException(
            "label encoder returned "
                + (encoded == null ? "null" : encoded.length + " rows")
                + " for "
                + batch.size()
                + " labels");
      }
      for (int i = 0; i < encoded.length; i++) {
        if (d < 0) {
          d = encoded[i].length;
        }
        out[start + i] = normalized(encoded[i], d, batch.get(i));
      }
    }
    return out;
  }

  private static float[] normalized(float[] row, int dimension, LabelEntry label) {
    if (row.length != dimension || dimension == 0) {
      throw new IllegalStateException(
          "embedding of '"
              + label.name()
              + "' has "
              + row.length
              + " values, expected "
              + dimension);
    }
    double norm = 0;
    for (float v : row) {
      if (!Float.isFinite(v)) {
        throw new IllegalStateException("embedding of '" + label.name() + "' is not finite");
      }
      norm += (double) v * v;
    }
    if (norm == 0) {
      throw new IllegalStateException("embedding of '" + label.name() + "' is all zeros");
    }
    double inv = 1.0 / Math.sqrt(norm);
    float[] out = new float[dimension];
    for (int i = 0; i < dimension; i++) {
      out[i] = (float) (row[i] * inv);
    }
    return out;
  }

  private static float[] flatten(float[][] rows, int dimension) {
    float[] flat = new float[rows.length * dimension];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(rows[i], 0, flat, i * dimension, dimension);
    }
    return flat;
  }

  /** Writes the database as a safetensors file (atomically: temp file, then rename). */
  public void save(Path file) throws IOException {
    LabelEmbeddingFile.write(
        file, new LabelEmbeddingFile.Contents(modelVersion, labels, dimension, rows));
  }

  /**
   * Reads a database written by {@link #save}, verifying the payload and label checksums.
   *
   * @throws LabelEmbeddingFormatException naming the file, when it is corrupt or not one
   */
  public static LabelEmbeddingDatabase load(Path file) throws IOException {
    LabelEmbeddingFile.Contents c = LabelEmbeddingFile.read(file);
    try {
      return new LabelEmbeddingDatabase(c.modelVersion(), c.labels(), c.dimension(), c.rows());
    } catch (IllegalArgumentException e) {
      throw new LabelEmbeddingFormatException(file, e.getMessage());
    }
  }

  /** sha256 of the embedding bytes (f32 little-endian, row-major), as stored in the file. */
  public String payloadSha256() {
    return LabelEmbeddingFile.sha256(LabelEmbeddingFile.toBytes(rows));
  }

  public String modelVersion() {
    return modelVersion;
  }

  public int size() {
    return labels.size();
  }

  public int dimension() {
    return dimension;
  }

  public List<LabelEntry> labels() {
    return labels;
  }

  /** Position of the label with this id, or -1. */
  public int indexOf(String id) {
    return indexById.getOrDefault(id, -1);
  }

  /** A copy of the i-th (unit) embedding. */
  public float[] embedding(int index) {
    return Arrays.copyOfRange(rows, index * dimension, (index + 1) * dimension);
  }

  /** Cosine similarities s = f_t(ℓ)ᵀ f_v(v): [V, L] for videos [V, D]. */
  public double[][] similarities(float[][] videos) {
    double[][] out = new double[videos.length][labels.size()];
    for (int v = 0; v < videos.length; v++) {
      float[] video = videos[v];
      if (video.length != dimension) {
        throw new IllegalArgumentException(
            "video " + v + " has dimension " + video.length + ", database has " + dimension);
      }
      for (int l = 0, base = 0; l < labels.size(); l++, base += dimension) {
        double dot = 0;
        for (int k = 0; k < dimension; k++) {
          dot += (double) rows[base + k] * video[k];
        }
        out[v][l] = dot;
      }
    }
    return out;
  }

  /** Probabilities p = σ(s / τ): [V, L]. */
  public double[][] probabilities(float[][] videos, double temperature) {
    checkTemperature(temperature);
    double[][] s = similarities(videos);
    for (double[] row : s) {
      for (int l = 0; l < row.length; l++) {
        row[l] = sigmoid(row[l] / temperature);
      }
    }
    return s;
  }

  /**
   * The {@code k} most likely labels of each video, most likely first (equal scores: database
   * order).
   */
  public List<List<ScoredLabel>> topK(float[][] videos, int k, double temperature) {
    if (k <= 0) {
      throw new IllegalArgumentException("k must be positive: " + k);
    }
    checkTemperature(temperature);
    double[][] s = similarities(videos);
    List<List<ScoredLabel>> out = new ArrayList<>(videos.length);
    for (double[] row : s) {
      Integer[] order = new Integer[row.length];
      for (int l = 0; l < row.length; l++) {
        order[l] = l;
      }
      Arrays.sort(order, (a, b) -> Double.compare(row[b], row[a])); // stable: ties keep order
      List<ScoredLabel> top = new ArrayList<>(Math.min(k, row.length));
      for (int i = 0; i < Math.min(k, row.length); i++) {
        top.add(scored(order[i], row[order[i]], temperature));
      }
      out.add(Collections.unmodifiableList(top));
    }
    return out;
  }

  /**
   * For each video, the labels whose probability is at least {@code threshold}, most likely first.
   */
  public List<List<ScoredLabel>> above(float[][] videos, double threshold, double temperature) {
    checkTemperature(temperature);
    double[][] s = similarities(videos);
    List<List<ScoredLabel>> out = new ArrayList<>(videos.length);
    for (double[] row : s) {
      List<ScoredLabel> kept = new ArrayList<>();
      for (int l = 0; l < row.length; l++) {
        ScoredLabel x = scored(l, row[l], temperature);
        if (x.probability() >= threshold) {
          kept.add(x);
        }
      }
      kept.sort((a, b) -> Double.compare(b.similarity(), a.similarity()));
      out.add(Collections.unmodifiableList(kept));
    }
    return out;
  }

  private ScoredLabel scored(int l, double similarity, double temperature) {
    LabelEntry e = labels.get(l);
    return new ScoredLabel(e.id(), e.name(), similarity, sigmoid(similarity / temperature));
  }

  private static void checkTemperature(double temperature) {
    if (!(temperature > 0) || Double.isInfinite(temperature)) {
      throw new IllegalArgumentException("temperature must be a positive number: " + temperature);
    }
  }

  static double sigmoid(double x) {
    // Split by sign so exp never overflows for large |x|.
    if (x >= 0) {
      return 1.0 / (1.0 + Math.exp(-x));
    }
    double e = Math.exp(x);
    return e / (1.0 + e);
  }
}
