package dev.ovid.model.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads safetensors files (an 8-byte little-endian header length, a JSON header, raw little-endian
 * tensor data) into DJL arrays. The header is parsed here rather than by DJL's {@code
 * NDList.decode}, because DJL aborts the whole JVM on BF16 data: BF16 is widened to F32 in Java
 * before any array is created.
 */
public final class SafetensorsReader {
  /** Headers are small JSON documents; anything bigger is a corrupt length field. */
  private static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();

  private SafetensorsReader() {}

  /** One tensor entry of a header; offsets are relative to the start of the data section. */
  public record TensorInfo(
      String name, SafetensorsDtype dtype, long[] shape, long begin, long end) {

    public long elementCount() {
      long n = 1;
      for (long d : shape) {
        n = Math.multiplyExact(n, d);
      }
      return n;
    }

    public Shape djlShape() {
      return new Shape(shape);
    }

    @Override
    public String toString() {
      return name + " " + dtype + Arrays.toString(shape) + " @[" + begin + ", " + end + ")";
    }
  }

  /** A parsed header: where the data starts, the tensors in file order, the free metadata. */
  public record Header(
      Path file, long dataStart, Map<String, TensorInfo> tensors, Map<String, String> metadata) {}

  /** Reads and checks the header only, in file order. */
  public static Map<String, TensorInfo> readHeader(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      return header(file, ch).tensors();
    }
  }

  /** Reads the header with its {@code __metadata__} map. */
  public static Header readFullHeader(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      return header(file, ch);
    }
  }

  /** Reads every tensor of {@code file}; floats become F32 (F16 and F64 kept if keepDtype). */
  public static Weights read(Path file, NDManager manager, boolean keepDtype) throws IOException {
    return Weights.of(readAll(file, manager, keepDtype), file.toString());
  }

  /** Reads every tensor of {@code file} into arrays owned by {@code manager}, in file order. */
  public static Map<String, NDArray> readAll(Path file, NDManager manager, boolean keepDtype)
      throws IOException {
    Map<String, NDArray> out = new LinkedHashMap<>();
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      Header header = header(file, ch);
      for (TensorInfo t : header.tensors().values()) {
        out.put(t.name(), readTensor(file, ch, header.dataStart(), t, manager, keepDtype));
      }
    } catch (IOException | RuntimeException e) {
      out.values().forEach(NDArray::close);
      throw e;
    }
    return out;
  }

  static Header header(Path file, FileChannel ch) throws IOException {
    long size = ch.size();
    if (size < 8) {
      throw new SafetensorsFormatException(
          file, "file is " + size + " bytes, too short to hold the 8-byte header length");
    }
    ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    readFully(file, ch, lenBuf, 0);
    long headerLen = lenBuf.getLong(0);
    if (headerLen < 2 || headerLen > MAX_HEADER_BYTES || headerLen > size - 8) {
      throw new SafetensorsFormatException(
          file,
          "header length field says "
              + headerLen
              + " bytes but the file has "
              + (size - 8)
              + " bytes after it (truncated or not a safetensors file)");
    }
    ByteBuffer headerBuf = ByteBuffer.allocate((int) headerLen);
    readFully(file, ch, headerBuf, 8);
    JsonNode root;
    try {
      root = JSON.readTree(new String(headerBuf.array(), StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new SafetensorsFormatException(
          file,
          "header (bytes 8.." + (8 + headerLen) + ") is not valid JSON: " + e.getMessage(),
          e);
    }
    if (root == null || !root.isObject()) {
      throw new SafetensorsFormatException(file, "header is not a JSON object");
    }
    long dataStart = 8 + headerLen;
    long dataLen = size - dataStart;
    List<TensorInfo> tensors = new ArrayList<>();
    Map<String, String> metadata = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      if (e.getKey().equals("__metadata__")) {
        e.getValue().properties().forEach(m -> metadata.put(m.getKey(), m.getValue().asText()));
        continue;
      }
      tensors.add(tensorInfo(file, e.getKey(), e.getValue(), dataLen, dataStart));
    }
    tensors.sort(Comparator.comparingLong(TensorInfo::begin));
    for (int i = 1; i < tensors.size(); i++) {
      TensorInfo prev = tensors.get(i - 1);
      TensorInfo cur = tensors.get(i);
      if (cur.begin() < prev.end()) {
        throw new SafetensorsFormatException(
            file, "tensors '" + prev.name() + "' and '" + cur.name() + "' overlap");
      }
    }
    Map<String, TensorInfo> byName = new LinkedHashMap<>();
    tensors.forEach(t -> byName.put(t.name(), t));
    return new Header(
        file,
        dataStart,
        Collections.unmodifiableMap(byName),
        Collections.unmodifiableMap(metadata));
  }

  private static TensorInfo tensorInfo(
      Path file, String name, JsonNode node, long dataLen, long dataStart)
      throws SafetensorsFormatException {
    String where = "tensor '" + name + "'";
    JsonNode dtypeNode = node.get("dtype");
    JsonNode shapeNode = node.get("shape");
    JsonNode offsets = node.get("data_offsets");
    if (dtypeNode == null || !dtypeNode.isTextual()) {
      throw new SafetensorsFormatException(file, where + " has no text 'dtype'");
    }
    SafetensorsDtype dtype =
        SafetensorsDtype.parse(dtypeNode.asText())
            .orElseThrow(
                () ->
                    new SafetensorsFormatException(
                        file,
                        where
                            + " has unsupported dtype '"
                            + dtypeNode.asText()
                            + "' (supported: "
                            + Arrays.toString(SafetensorsDtype.values())
                            + ")"));
    if (shapeNode == null || !shapeNode.isArray()) {
      throw new SafetensorsFormatException(file, where + " has no 'shape' array");
    }
    long[] shape = new long[shapeNode.size()];
    for (int i = 0; i < shape.length; i++) {
      JsonNode d = shapeNode.get(i);
      if (!d.canConvertToLong() || !d.isIntegralNumber() || d.asLong() < 0) {
        throw new SafetensorsFormatException(file, where + " has a bad shape " + shapeNode);
      }
      shape[i] = d.asLong();
    }
    if (offsets == null
        || !offsets.isArray()
        || offsets.size() != 2
        || !offsets.get(0).isIntegralNumber()
        || !offsets.get(1).isIntegralNumber()) {
      throw new SafetensorsFormatException(file, where + " has no 'data_offsets' pair of integers");
    }
    long begin = offsets.get(0).asLong();
    long end = offsets.get(1).asLong();
    TensorInfo info = new TensorInfo(name, dtype, shape, begin, end);
    long need;
    try {
      need = Math.multiplyExact(info.elementCount(), dtype.bytes());
    } catch (ArithmeticException e) {
      throw new SafetensorsFormatException(file, where + " has an absurd shape " + shapeNode);
    }
    if (begin < 0 || end < begin) {
      throw new SafetensorsFormatException(
          file, where + " has bad data_offsets [" + begin + ", " + end + "]");
    }
    if (end - begin != need) {
      throw new SafetensorsFormatException(
          file,
          where
              + ": data_offsets ["
              + begin
              + ", "
              + end
              + "] hold "
              + (end - begin)
              + " bytes but "
              + dtype
              + " "
              + Arrays.toString(shape)
              + " needs "
              + need);
    }
    if (end > dataLen) {
      throw new SafetensorsFormatException(
          file,
          where
              + " ends at byte "
              + (dataStart + end)
              + " but the file has only "
              + (dataStart + dataLen)
              + " bytes (truncated file?)");
    }
    return info;
  }

  private static NDArray readTensor(
      Path file, FileChannel ch, long dataStart, TensorInfo t, NDManager manager, boolean keep)
      throws IOException {
    long len = t.end() - t.begin();
    if (len > Integer.MAX_VALUE) {
      throw new SafetensorsFormatException(
          file, "tensor '" + t.name() + "' is " + len + " bytes, more than one 2 GiB buffer");
    }
    Shape shape = t.djlShape();
    if (len == 0) {
      return manager.create(
          shape, t.dtype() == SafetensorsDtype.BF16 ? DataType.FLOAT32 : t.dtype().djlType());
    }
    ByteBuffer src;
    try {
      src = ch.map(FileChannel.MapMode.READ_ONLY, dataStart + t.begin(), len);
    } catch (IOException e) {
      throw new SafetensorsFormatException(file, "cannot read tensor '" + t.name() + "'", e);
    }
    src.order(ByteOrder.LITTLE_ENDIAN);
    switch (t.dtype()) {
      case BF16:
        return manager.create(widenBf16(src), shape, DataType.FLOAT32);
      case F16:
      case F64:
        NDArray raw =
            manager.create(nativeCopy(src, t.dtype().bytes()), shape, t.dtype().djlType());
        if (keep) {
          return raw;
        }
        NDArray wide = raw.toType(DataType.FLOAT32, false);
        raw.close();
        return wide;
      default:
        return manager.create(nativeCopy(src, t.dtype().bytes()), shape, t.dtype().djlType());
    }
  }

  /** BF16 is the upper half of an F32: shifting its bits left by 16 widens it exactly. */
  static ByteBuffer widenBf16(ByteBuffer littleEndian) {
    ShortBuffer in = littleEndian.order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
    int n = in.remaining();
    ByteBuffer out = ByteBuffer.allocateDirect(n * 4).order(ByteOrder.nativeOrder());
    FloatBuffer f = out.asFloatBuffer();
    for (int i = 0; i < n; i++) {
      f.put(i, Float.intBitsToFloat((in.get(i) & 0xffff) << 16));
    }
    return out;
  }

  /** A direct native-order copy, which DJL wraps without another copy. */
  static ByteBuffer nativeCopy(ByteBuffer littleEndian, int elementBytes) {
    ByteBuffer src = littleEndian.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    ByteBuffer out = ByteBuffer.allocateDirect(src.remaining()).order(ByteOrder.nativeOrder());
    if (ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN || elementBytes == 1) {
      out.put(src);
    } else if (elementBytes == 2) {
      out.asShortBuffer().put(src.asShortBuffer());
    } else if (elementBytes == 4) {
      out.asIntBuffer().put(src.asIntBuffer());
    } else {
      out.asLongBuffer().put(src.asLongBuffer());
    }
    out.rewind();
    return out;
  }

  private static void readFully(Path file, FileChannel ch, ByteBuffer buf, long position)
      throws IOException {
    long pos = position;
    while (buf.hasRemaining()) {
      int n = ch.read(buf, pos);
      if (n < 0) {
        throw new SafetensorsFormatException(file, "unexpected end of file at byte " + pos);
      }
      pos += n;
    }
  }
}
