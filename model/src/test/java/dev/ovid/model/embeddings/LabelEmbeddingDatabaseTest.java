package dev.ovid.model.embeddings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelEmbeddingDatabaseTest {

  static final List<String> NAMES =
      List.of(
          "dog",
          "cat",
          "guitar",
          "electric guitar",
          "skateboarding",
          "surfing",
          "cooking",
          "baking bread",
          "football",
          "american football",
          "piano",
          "drums",
          "snow",
          "beach",
          "car",
          "racing car",
          "horse",
          "riding a horse",
          "cake",
          "birthday cake");

  @TempDir Path dir;

  static LabelEmbeddingDatabase db(TrigramLabelEncoder encoder) {
    List<LabelEntry> labels =
        IntStream.range(0, NAMES.size())
            .mapToObj(i -> new LabelEntry("yt8m:" + i, NAMES.get(i)))
            .toList();
    return LabelEmbeddingDatabase.build(labels, encoder, 6, "ovid-test-model@3");
  }

  static float[][] videos(LabelEmbeddingDatabase db, int n, long seed) {
    Random rnd = new Random(seed);
    float[][] v = new float[n][db.dimension()];
    for (float[] row : v) {
      double norm = 0;
      for (int k = 0; k < row.length; k++) {
        row[k] = (float) rnd.nextGaussian();
        norm += row[k] * row[k];
      }
      for (int k = 0; k < row.length; k++) {
        row[k] /= (float) Math.sqrt(norm);
      }
    }
    return v;
  }

  @Test
  void buildsInBatchesWithUnitRows() {
    TrigramLabelEncoder encoder = new TrigramLabelEncoder(32);
    LabelEmbeddingDatabase db = db(encoder);
    assertEquals(4, encoder.calls); // 20 labels in batches of 6
    assertEquals(6, encoder.largestBatch);
    assertEquals(20, db.size());
    assertEquals(32, db.dimension());
    for (int i = 0; i < db.size(); i++) {
      double norm = 0;
      for (float v : db.embedding(i)) {
        norm += v * v;
      }
      assertEquals(1.0, norm, 1e-6);
    }
  }

  @Test
  void saveLoadRoundTripIsExact() throws IOException {
    LabelEmbeddingDatabase db = db(new TrigramLabelEncoder(32));
    Path file = dir.resolve("vocab.safetensors");
    db.save(file);
    LabelEmbeddingDatabase back = LabelEmbeddingDatabase.load(file);
    assertEquals(db.labels(), back.labels());
    assertEquals("ovid-test-model@3", back.modelVersion());
    assertEquals(db.payloadSha256(), back.payloadSha256());
    for (int i = 0; i < db.size(); i++) {
      assertArrayEquals(db.embedding(i), back.embedding(i));
    }
    assertEquals(7, back.indexOf("yt8m:7"));
  }

  @Test
  void detectsPayloadCorruption() throws IOException {
    Path file = dir.resolve("vocab.safetensors");
    db(new TrigramLabelEncoder(32)).save(file);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 5] ^= 0x10;
    Files.write(file, bytes);
    LabelEmbeddingFormatException e =
        assertThrows(LabelEmbeddingFormatException.class, () -> LabelEmbeddingDatabase.load(file));
    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("payload checksum mismatch"), e.getMessage());
  }

  @Test
  void detectsRenamedLabelInHeader() throws IOException {
    Path file = dir.resolve("vocab.safetensors");
    db(new TrigramLabelEncoder(32)).save(file);
    String raw = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    Files.write(file, raw.replace("guitar", "gaitar").getBytes(StandardCharsets.ISO_8859_1));
    LabelEmbeddingFormatException e =
        assertThrows(LabelEmbeddingFormatException.class, () -> LabelEmbeddingDatabase.load(file));
    assertTrue(e.getMessage().contains("label list checksum mismatch"), e.getMessage());
  }

  @Test
  void detectsTruncationAndForeignFiles() throws IOException {
    Path file = dir.resolve("vocab.safetensors");
    db(new TrigramLabelEncoder(32)).save(file);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 4));
    assertTrue(
        assertThrows(LabelEmbeddingFormatException.class, () -> LabelEmbeddingDatabase.load(file))
            .getMessage()
            .contains("truncated"));
    Path junk = Files.writeString(dir.resolve("junk.bin"), "hello, this is not safetensors");
    assertThrows(LabelEmbeddingFormatException.class, () -> LabelEmbeddingDatabase.load(junk));
    assertThrows(
        LabelEmbeddingFormatException.class,
        () -> LabelEmbeddingDatabase.load(dir.resolve("missing.safetensors")));
  }

  @Test
  void scoresEqualManualDotProductsAndSigmoid() {
    LabelEmbeddingDatabase db = db(new TrigramLabelEncoder(48));
    float[][] v = videos(db, 5, 1);
    double tau = 0.07;
    double[][] s = db.similarities(v);
    double[][] p = db.probabilities(v, tau);
    for (int i = 0; i < v.length; i++) {
      for (int l = 0; l < db.size(); l++) {
        float[] e = db.embedding(l);
        double dot = 0;
        for (int k = 0; k < e.length; k++) {
          dot += e[k] * (double) v[i][k];
        }
        assertEquals(dot, s[i][l], 1e-12);
        assertEquals(1 / (1 + Math.exp(-dot / tau)), p[i][l], 1e-12);
      }
    }
  }

  @Test
  void topKIsOrderedAndFindsTheLabelsOwnEmbedding() {
    LabelEmbeddingDatabase db = db(new TrigramLabelEncoder(64));
    float[][] v = {db.embedding(db.indexOf("yt8m:3")), videos(db, 1, 9)[0]};
    List<List<ScoredLabel>> top = db.topK(v, 5, 0.1);
    assertEquals("electric guitar", top.get(0).get(0).name());
    assertEquals(1.0, top.get(0).get(0).similarity(), 1e-6);
    for (List<ScoredLabel> row : top) {
      assertEquals(5, row.size());
      for (int i = 1; i < row.size(); i++) {
        assertTrue(row.get(i - 1).similarity() >= row.get(i).similarity());
      }
    }
    // The top 5 are exactly the 5 best of the full score row.
    double[] all = db.similarities(v)[1].clone();
    java.util.Arrays.sort(all);
    assertEquals(all[all.length - 5], top.get(1).get(4).similarity(), 0.0);
  }

  @Test
  void aboveThresholdKeepsExactlyTheQualifyingLabels() {
    LabelEmbeddingDatabase db = db(new TrigramLabelEncoder(64));
    float[][] v = videos(db, 4, 5);
    double[][] p = db.probabilities(v, 0.05);
    List<List<ScoredLabel>> above = db.above(v, 0.6, 0.05);
    for (int i = 0; i < v.length; i++) {
      List<String> expected = new ArrayList<>();
      for (int l = 0; l < db.size(); l++) {
        if (p[i][l] >= 0.6) {
          expected.add(db.labels().get(l).id());
        }
      }
      List<String> got = above.get(i).stream().map(ScoredLabel::id).sorted().toList();
      assertEquals(expected.stream().sorted().toList(), got);
    }
  }

  @Test
  void expansionAppendsWithoutTouchingExistingRows() throws IOException {
    TrigramLabelEncoder encoder = new TrigramLabelEncoder(32);
    LabelEmbeddingDatabase db = db(encoder);
    LabelEmbeddingDatabase bigger =
        db.expand(
            List.of(new LabelEntry("new:1", "ice skating"), new LabelEntry("new:2", "violin")),
            encoder,
            8);
    assertEquals(22, bigger.size());
    assertEquals(20, db.size());
    for (int i = 0; i < db.size(); i++) {
      assertArrayEquals(db.embedding(i), bigger.embedding(i));
      assertEquals(db.labels().get(i), bigger.labels().get(i));
    }
    assertEquals(21, bigger.indexOf("new:2"));
    assertArrayEquals(
        LabelEmbeddingDatabase.build(List.of("violin"), encoder, "x").embedding(0),
        bigger.embedding(21));
    assertThrows(
        IllegalArgumentException.class,
        () -> bigger.expand(List.of(new LabelEntry("yt8m:1", "other")), encoder, 8));
    assertThrows(
        IllegalArgumentException.class,
        () -> bigger.expand(List.of(new LabelEntry("z", "violin")), encoder, 8));
    Path file = dir.resolve("expanded.safetensors");
    bigger.save(file);
    assertEquals(bigger.payloadSha256(), LabelEmbeddingDatabase.load(file).payloadSha256());
  }

  @Test
  void rejectsEncoderOutputOfWrongShape() {
    BatchLabelEncoder ragged = names -> new float[][] {new float[4], new float[5]};
    assertThrows(
        IllegalStateException.class,
        () -> LabelEmbeddingDatabase.build(List.of("a", "b"), ragged, "m"));
    BatchLabelEncoder zeros = names -> new float[names.size()][4];
    assertThrows(
        IllegalStateException.class, () -> LabelEmbeddingDatabase.build(List.of("a"), zeros, "m"));
  }

  @Test
  void adaptsAnNDArrayEncoder() {
    try (NDManager manager = NDManager.newBaseManager()) {
      TrigramLabelEncoder plain = new TrigramLabelEncoder(16);
      BatchLabelEncoder viaDjl =
          BatchLabelEncoder.fromNDArray(
              names -> {
                float[][] rows = plain.encode(names);
                float[] flat = new float[rows.length * 16];
                for (int i = 0; i < rows.length; i++) {
                  System.arraycopy(rows[i], 0, flat, i * 16, 16);
                }
                return manager.create(flat, new ai.djl.ndarray.types.Shape(rows.length, 16));
              });
      LabelEmbeddingDatabase a = LabelEmbeddingDatabase.build(NAMES, viaDjl, "m");
      LabelEmbeddingDatabase b = LabelEmbeddingDatabase.build(NAMES, plain, "m");
      assertEquals(b.payloadSha256(), a.payloadSha256());
    }
  }
}
