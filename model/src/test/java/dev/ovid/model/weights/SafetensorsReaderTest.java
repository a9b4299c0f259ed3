package dev.ovid.model.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsReaderTest {
  static final Path DTYPES =
      Path.of("src/test/resources/fixtures/clip-safetensors/dtypes.safetensors");
  static final Path EXPECTED =
      Path.of("src/test/resources/fixtures/clip-safetensors/expected_f32.safetensors");

  NDManager manager;

  @BeforeEach
  void open() {
    manager = NDManager.newBaseManager(Device.cpu());
  }

  @AfterEach
  void close() {
    manager.close();
  }

  @Test
  void widensF16Bf16AndF64ExactlyAsTorchDoes() throws IOException {
    Weights w = Weights.load(DTYPES, manager);
    Weights expected = Weights.load(EXPECTED, manager);
    for (String name : new String[] {"a.f32", "a.f16", "a.bf16", "a.f64"}) {
      assertEquals(DataType.FLOAT32, w.get(name).getDataType(), name);
      assertEquals(new Shape(3, 5), w.get(name).getShape(), name);
      assertArrayEquals(expected.get(name).toFloatArray(), w.get(name).toFloatArray(), name);
    }
    // bf16 really lost precision against f32, so the comparison above is not vacuous
    assertTrue(!Arrays.equals(w.get("a.f32").toFloatArray(), w.get("a.bf16").toFloatArray()));
  }

  @Test
  void keepsF16WhenAskedButAlwaysWidensBf16() throws IOException {
    Weights w = Weights.load(DTYPES, manager, true);
    assertEquals(DataType.FLOAT16, w.get("a.f16").getDataType());
    assertEquals(DataType.FLOAT64, w.get("a.f64").getDataType());
    assertEquals(DataType.FLOAT32, w.get("a.bf16").getDataType());
  }

  @Test
  void readsIntegerBooleanAndScalarTensors() throws IOException {
    Weights w = Weights.load(DTYPES, manager);
    long[] range = {-3, -2, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8};
    assertArrayEquals(range, w.get("i.i64").toLongArray());
    assertArrayEquals(
        Arrays.stream(range).mapToInt(x -> (int) x).toArray(), w.get("i.i32").toIntArray());
    assertEquals(DataType.INT8, w.get("i.i8").getDataType());
    assertEquals(-3, w.get("i.i8").toByteArray()[0]);
    assertEquals(DataType.UINT8, w.get("i.u8").getDataType());
    assertArrayEquals(new boolean[] {true, false, true}, w.get("b.bool").toBooleanArray());
    assertEquals(new Shape(), w.get("scalar.f32").getShape());
    assertEquals(2.5f, w.get("scalar.f32").getFloat());
    assertEquals("pt", SafetensorsReader.readFullHeader(DTYPES).metadata().get("format"));
  }

  @Test
  void rejectsTruncatedFileNamingFileAndTensor(@TempDir Path dir) throws IOException {
    byte[] bytes = Files.readAllBytes(DTYPES);
    Map<String, SafetensorsReader.TensorInfo> header = SafetensorsReader.readHeader(DTYPES);
    String last =
        header.values().stream().max((a, b) -> Long.compare(a.end(), b.end())).orElseThrow().name();
    Path cut = dir.resolve("cut.safetensors");
    Files.write(cut, Arrays.copyOf(bytes, bytes.length - 3));
    SafetensorsFormatException e =
        assertThrows(SafetensorsFormatException.class, () -> Weights.load(cut, manager));
    assertTrue(e.getMessage().contains(cut.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("'" + last + "'"), e.getMessage());
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
  }

  @Test
  void rejectsHeaderLengthBeyondTheFile(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("short.safetensors");
    ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(1000).put("{}  ".getBytes(StandardCharsets.US_ASCII));
    Files.write(f, b.array());
    SafetensorsFormatException e =
        assertThrows(SafetensorsFormatException.class, () -> SafetensorsReader.readHeader(f));
    assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("header length"), e.getMessage());
    Path tiny = dir.resolve("tiny.safetensors");
    Files.write(tiny, new byte[] {1, 2, 3});
    assertThrows(SafetensorsFormatException.class, () -> SafetensorsReader.readHeader(tiny));
  }

  @Test
  void rejectsBrokenJsonBadOffsetsAndUnknownDtypes(@TempDir Path dir) throws IOException {
    assertRejected(dir, "{\"x\": {\"dtype\": \"F32\", \"shape\": [2], ", 0, "not valid JSON");
    assertRejected(
        dir,
        "{\"w\": {\"dtype\": \"F32\", \"shape\": [2, 2], \"data_offsets\": [0, 12]}}",
        12,
        "'w': data_offsets [0, 12] hold 12 bytes but F32 [2, 2] needs 16");
    assertRejected(
        dir,
        "{\"w\": {\"dtype\": \"F8_E4M3\", \"shape\": [2], \"data_offsets\": [0, 2]}}",
        2,
        "'w' has unsupported dtype 'F8_E4M3'");
    assertRejected(
        dir,
        "{\"a\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [0, 8]},"
            + " \"b\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [4, 12]}}",
        12,
        "'a' and 'b' overlap");
    assertRejected(
        dir, "{\"w\": {\"dtype\": \"F32\", \"shape\": [1]}}", 4, "'w' has no 'data_offsets'");
  }

  private void assertRejected(Path dir, String header, int dataBytes, String expected)
      throws IOException {
    byte[] json = header.getBytes(StandardCharsets.UTF_8);
    ByteBuffer b = ByteBuffer.allocate(8 + json.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(json.length).put(json);
    Path f = Files.createTempFile(dir, "bad", ".safetensors");
    Files.write(f, b.array());
    SafetensorsFormatException e =
        assertThrows(SafetensorsFormatException.class, () -> Weights.load(f, manager));
    assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
