package dev.ovid.model.embeddings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The database on disk as a safetensors file (readable by Python's {@code safetensors} and DJL):
 * one F32 tensor {@code embeddings} of shape [L, D], and string metadata holding the format tag,
 * model version, label ids and names (JSON arrays), and sha256 digests of the tensor bytes and of
 * the label lists, both verified on load.
 */
final class LabelEmbeddingFile {

  static final String FORMAT = "ovid-label-embeddings/1";
  static final String TENSOR = "embeddings";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long MAX_HEADER = 256L << 20;

  private LabelEmbeddingFile() {}

  record Contents(String modelVersion, List<LabelEntry> labels, int dimension, float[] rows) {}

  static void write(Path file, Contents c) throws IOException {
    byte[] payload = toBytes(c.rows());
    ObjectNode header = JSON.createObjectNode();
    ObjectNode meta = header.putObject("__metadata__");
    String ids = JSON.writeValueAsString(c.labels().stream().map(LabelEntry::id).toList());
    String names = JSON.writeValueAsString(c.labels().stream().map(LabelEntry::name).toList());
    meta.put("format", FORMAT);
    meta.put("model_version", c.modelVersion());
    meta.put("dimension", Integer.toString(c.dimension()));
    meta.put("count", Integer.toString(c.labels().size()));
    meta.put("label_ids", ids);
    meta.put("label_names", names);
    meta.put("labels_sha256", sha256(labelsDigestInput(ids, names)));
    meta.put("payload_sha256", sha256(payload));
    ObjectNode tensor = header.putObject(TENSOR);
    tensor.put("dtype", "F32");
    tensor.putArray("shape").add(c.labels().size()).add(c.dimension());
    tensor.putArray("data_offsets").add(0).add(payload.length);
    byte[] headerBytes = JSON.writeValueAsBytes(header);
    int padded = (headerBytes.length + 7) / 8 * 8; // safetensors pads the header with spaces
    ByteBuffer out =
        ByteBuffer.allocate(8 + padded + payload.length).order(ByteOrder.LITTLE_ENDIAN);
    out.putLong(padded).put(headerBytes);
    for (int i = headerBytes.length; i < padded; i++) {
      out.put((byte) ' ');
    }
    out.put(payload);
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
    try {
      Files.write(tmp, out.array());
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  static Contents read(Path file) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new LabelEmbeddingFormatException(file, "file not found");
    }
    if (bytes.length < 8) {
      throw new LabelEmbeddingFormatException(
          file, "too short for a safetensors file (" + bytes.length + " bytes)");
    }
    long headerSize = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    if (headerSize <= 0 || headerSize > MAX_HEADER || headerSize > bytes.length - 8) {
      throw new LabelEmbeddingFormatException(
          file, "bad header size " + headerSize + " for a file of " + bytes.length + " bytes");
    }
    JsonNode header;
    try {
      header = JSON.readTree(new String(bytes, 8, (int) headerSize, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new LabelEmbeddingFormatException(
          file, "header is not valid JSON: " + e.getOriginalMessage());
    }
    JsonNode meta = header.path("__metadata__");
    if (!FORMAT.equals(meta.path("format").asText())) {
      throw new LabelEmbeddingFormatException(
          file,
          "not an Ovid label-embedding file (format '"
              + meta.path("format").asText()
              + "', expected "
              + FORMAT
              + ")");
    }
    String modelVersion = text(file, meta, "model_version");
    int dimension = integer(file, meta, "dimension");
    int count = integer(file, meta, "count");
    String idsJson = text(file, meta, "label_ids");
    String namesJson = text(file, meta, "label_names");
    String labelsDigest = sha256(labelsDigestInput(idsJson, namesJson));
    if (!labelsDigest.equals(text(file, meta, "labels_sha256"))) {
      throw new LabelEmbeddingFormatException(
          file,
          "label list checksum mismatch: header says "
              + meta.path("labels_sha256").asText()
              + ", labels hash to "
              + labelsDigest);
    }
    List<String> ids;
    List<String> names;
    try {
      ids = JSON.readValue(idsJson, new TypeReference<List<String>>() {});
      names = JSON.readValue(namesJson, new TypeReference<List<String>>() {});
    } catch (JsonProcessingException e) {
      throw new LabelEmbeddingFormatException(file, "label lists are not JSON string arrays");
    }
    if (ids.size() != count || names.size() != count) {
      throw new LabelEmbeddingFormatException(
          file, "count " + count + " but " + ids.size() + " ids and " + names.size() + " names");
    }
    JsonNode tensor = header.path(TENSOR);
    if (!"F32".equals(tensor.path("dtype").asText())) {
      throw new LabelEmbeddingFormatException(file, "tensor '" + TENSOR + "' missing or not F32");
    }
    long expectedBytes = 4L * count * dimension;
    JsonNode shape = tensor.path("shape");
    JsonNode offsets = tensor.path("data_offsets");
    if (shape.size() != 2
        || shape.get(0).asLong() != count
        || shape.get(1).asLong() != dimension
        || offsets.size() != 2
        || offsets.get(0).asLong() != 0
        || offsets.get(1).asLong() != expectedBytes) {
      throw new LabelEmbeddingFormatException(
          file,
          "tensor shape "
              + shape
              + " / offsets "
              + offsets
              + " do not match "
              + count
              + " labels of dimension "
              + dimension);
    }
    long payloadStart = 8 + headerSize;
    if (bytes.length - payloadStart != expectedBytes) {
      throw new LabelEmbeddingFormatException(
          file,
          "payload is "
              + (bytes.length - payloadStart)
              + " bytes, expected "
              + expectedBytes
              + " (truncated or padded file)");
    }
    byte[] payload = new byte[(int) expectedBytes];
    System.arraycopy(bytes, (int) payloadStart, payload, 0, payload.length);
    String digest = sha256(payload);
    String declared = text(file, meta, "payload_sha256");
    if (!digest.equals(declared)) {
      throw new LabelEmbeddingFormatException(
          file,
          "payload checksum mismatch: header says sha256 " + declared + ", payload has " + digest);
    }
    List<LabelEntry> labels = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      labels.add(new LabelEntry(ids.get(i), names.get(i)));
    }
    float[] rows = new float[count * dimension];
    ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(rows);
    return new Contents(modelVersion, labels, dimension, rows);
  }

  private static String text(Path file, JsonNode meta, String key)
      throws LabelEmbeddingFormatException {
    JsonNode v = meta.get(key);
    if (v == null || !v.isTextual()) {
      throw new LabelEmbeddingFormatException(file, "metadata '" + key + "' missing");
    }
    return v.asText();
  }

  private static int integer(Path file, JsonNode meta, String key)
      throws LabelEmbeddingFormatException {
    String t = text(file, meta, key);
    try {
      int v = Integer.parseInt(t);
      if (v < 0) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new LabelEmbeddingFormatException(file, "metadata '" + key + "' is not a count: " + t);
    }
  }

  private static byte[] labelsDigestInput(String idsJson, String namesJson) {
    return (idsJson + "\n" + namesJson).getBytes(StandardCharsets.UTF_8);
  }

  static byte[] toBytes(float[] rows) {
    ByteBuffer b = ByteBuffer.allocate(rows.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(rows);
    return b.array();
  }

  static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
