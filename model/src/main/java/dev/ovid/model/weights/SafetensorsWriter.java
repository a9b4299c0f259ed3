package dev.ovid.model.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes named arrays as a safetensors file: F16/F32 as F32, F64 as F64, integers and booleans as
 * they are. The file appears atomically (written beside it, then moved), so a crash mid-write never
 * leaves a half checkpoint under the final name.
 */
public final class SafetensorsWriter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SafetensorsWriter() {}

  public static void write(Path file, Map<String, NDArray> tensors) throws IOException {
    write(file, tensors, Map.of());
  }

  public static void write(Path file, Map<String, NDArray> tensors, Map<String, String> metadata)
      throws IOException {
    ObjectNode header = JSON.createObjectNode();
    if (!metadata.isEmpty()) {
      ObjectNode meta = header.putObject("__metadata__");
      metadata.forEach(meta::put);
    }
    List<ByteBuffer> data = new ArrayList<>();
    long offset = 0;
    for (Map.Entry<String, NDArray> e : tensors.entrySet()) {
      NDArray array = e.getValue();
      SafetensorsDtype dtype = SafetensorsDtype.forDjl(array.getDataType());
      ByteBuffer bytes = littleEndianBytes(array, dtype);
      ObjectNode entry = header.putObject(e.getKey());
      entry.put("dtype", dtype.name());
      ArrayNode shape = entry.putArray("shape");
      for (long d : array.getShape().getShape()) {
        shape.add(d);
      }
      entry.putArray("data_offsets").add(offset).add(offset + bytes.remaining());
      offset += bytes.remaining();
      data.add(bytes);
    }
    byte[] json = JSON.writeValueAsString(header).getBytes(StandardCharsets.UTF_8);
    // Pad the header with spaces so the data section starts 8-byte aligned, as the format advises.
    int padded = (json.length + 7) / 8 * 8;
    ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
    head.putLong(padded).put(json);
    while (head.hasRemaining()) {
      head.put((byte) ' ');
    }
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".part");
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        out.write(head.array());
        for (ByteBuffer b : data) {
          byte[] chunk = new byte[b.remaining()];
          b.get(chunk);
          out.write(chunk);
        }
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static ByteBuffer littleEndianBytes(NDArray array, SafetensorsDtype dtype) {
    NDArray source = array;
    if (array.getDataType() == DataType.FLOAT16) {
      source = array.toType(DataType.FLOAT32, false);
    }
    ByteBuffer nativeBytes = source.toByteBuffer();
    if (source != array) {
      source.close();
    }
    ByteBuffer in = nativeBytes.duplicate().order(ByteOrder.nativeOrder());
    ByteBuffer out = ByteBuffer.allocate(in.remaining()).order(ByteOrder.LITTLE_ENDIAN);
    switch (dtype.bytes()) {
      case 8:
        out.asLongBuffer().put(in.asLongBuffer());
        break;
      case 4:
        out.asIntBuffer().put(in.asIntBuffer());
        break;
      case 2:
        out.asShortBuffer().put(in.asShortBuffer());
        break;
      default:
        out.put(in);
    }
    out.rewind();
    return out;
  }
}
