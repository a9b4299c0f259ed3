package dev.ovid.model.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The file format of checkpoints and trained weights: magic {@code OVIDTNSR}, int32 version, int32
 * header length, a JSON header (kind, metadata, tensor names and shapes), the tensors' float32
 * little-endian values in header order, and a SHA-256 of everything before it, so a truncated or
 * altered file is refused with the offset where reading failed.
 */
public final class TensorArchive {
  static final byte[] MAGIC = "OVIDTNSR".getBytes(StandardCharsets.US_ASCII);
  static final int VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String kind;
  private final ObjectNode metadata;
  private final Map<String, TensorRecord> tensors;

  public TensorArchive(String kind, ObjectNode metadata, Map<String, TensorRecord> tensors) {
    this.kind = kind;
    this.metadata = metadata;
    this.tensors = tensors;
  }

  public String kind() {
    return kind;
  }

  public ObjectNode metadata() {
    return metadata;
  }

  public Map<String, TensorRecord> tensors() {
    return tensors;
  }

  public static ObjectNode newMetadata() {
    return JSON.createObjectNode();
  }

  public static ObjectMapper json() {
    return JSON;
  }

  public void writeTo(OutputStream target) throws IOException {
    MessageDigest sha = sha256();
    DigestOutputStream digest =
        new DigestOutputStream(new BufferedOutputStream(target, 1 << 16), sha);
    DataOutputStream out = new DataOutputStream(digest);
    ObjectNode header = JSON.createObjectNode();
    header.put("kind", kind);
    header.set("metadata", metadata);
    ArrayNode list = header.putArray("tensors");
    for (Map.Entry<String, TensorRecord> e : tensors.entrySet()) {
      ObjectNode t = list.addObject();
      t.put("name", e.getKey());
      ArrayNode shape = t.putArray("shape");
      for (long d : e.getValue().shape()) {
        shape.add(d);
      }
    }
    byte[] headerBytes = JSON.writeValueAsBytes(header);
    out.write(MAGIC);
    out.writeInt(VERSION);
    out.writeInt(headerBytes.length);
    out.write(headerBytes);
    for (TensorRecord t : tensors.values()) {
      ByteBuffer buffer = ByteBuffer.allocate(t.values().length * 4).order(ByteOrder.LITTLE_ENDIAN);
      buffer.asFloatBuffer().put(t.values());
      out.write(buffer.array());
    }
    out.flush();
    digest.on(false);
    out.write(sha.digest());
    out.flush();
  }

  /**
   * Reads an archive, verifying its checksum.
   *
   * @param source names the file in error messages
   * @param expectedKind {@code checkpoint} or {@code weights}
   */
  public static TensorArchive read(InputStream input, String source, String expectedKind) {
    MessageDigest sha = sha256();
    CountingInputStream counting = new CountingInputStream(new BufferedInputStream(input, 1 << 16));
    DigestInputStream digest = new DigestInputStream(counting, sha);
    DataInputStream in = new DataInputStream(digest);
    try {
      byte[] magic = new byte[MAGIC.length];
      in.readFully(magic);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new TensorArchiveException(
            source + ": not an Ovid tensor archive (bad magic at offset 0)");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw new TensorArchiveException(
            source
                + ": unsupported archive version "
                + version
                + " at offset 8 (expected "
                + VERSION
                + ")");
      }
      int headerLength = in.readInt();
      if (headerLength <= 0 || headerLength > (64 << 20)) {
        throw new TensorArchiveException(
            source + ": implausible header length " + headerLength + " at offset 12");
      }
      byte[] headerBytes = new byte[headerLength];
      in.readFully(headerBytes);
      JsonNode header;
      try {
        header = JSON.readTree(headerBytes);
      } catch (IOException e) {
        throw new TensorArchiveException(
            source + ": header JSON at offset 16 is malformed: " + e.getMessage(), e);
      }
      String kind = header.path("kind").asText();
      if (!kind.equals(expectedKind)) {
        throw new TensorArchiveException(
            source + ": holds '" + kind + "', expected '" + expectedKind + "'");
      }
      Map<String, TensorRecord> tensors = new LinkedHashMap<>();
      for (JsonNode t : header.path("tensors")) {
        JsonNode shapeNode = t.path("shape");
        long[] shape = new long[shapeNode.size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
          shape[i] = shapeNode.get(i).asLong();
          count *= shape[i];
        }
        if (count < 0 || count > Integer.MAX_VALUE / 4) {
          throw new TensorArchiveException(
              source + ": tensor '" + t.path("name").asText() + "' has implausible shape");
        }
        byte[] raw = new byte[Math.toIntExact(count * 4)];
        in.readFully(raw);
        float[] values = new float[(int) count];
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        tensors.put(t.path("name").asText(), new TensorRecord(shape, values));
      }
      digest.on(false);
      byte[] expected = sha.digest();
      byte[] stored = new byte[expected.length];
      long checksumOffset = counting.count();
      in.readFully(stored);
      if (!MessageDigest.isEqual(expected, stored)) {
        throw new TensorArchiveException(
            source
                + ": SHA-256 at offset "
                + checksumOffset
                + " does not match the content (file corrupt)");
      }
      if (in.read() != -1) {
        throw new TensorArchiveException(
            source + ": unexpected data after the checksum at offset " + (checksumOffset + 32));
      }
      ObjectNode metadata =
          header.has("metadata") && header.get("metadata").isObject()
              ? (ObjectNode) header.get("metadata")
              : JSON.createObjectNode();
      return new TensorArchive(kind, metadata, tensors);
    } catch (EOFException e) {
      throw new TensorArchiveException(source + ": truncated at offset " + counting.count(), e);
    } catch (IOException e) {
      throw new TensorArchiveException(
          source + ": cannot read at offset " + counting.count() + ": " + e.getMessage(), e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Counts bytes consumed so errors can name an offset. */
  private static final class CountingInputStream extends java.io.FilterInputStream {
    private long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    long count() {
      return count;
    }
  }
}
