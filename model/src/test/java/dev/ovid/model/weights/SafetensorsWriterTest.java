package dev.ovid.model.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsWriterTest {

  @Test
  void roundTripsFloatsIntegersAndMetadataBitExactly(@TempDir Path dir) throws IOException {
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      Map<String, NDArray> tensors = new LinkedHashMap<>();
      tensors.put("prefix.weight", m.randomNormal(new Shape(3, 7)));
      tensors.put("step", m.create(new long[] {42L}));
      tensors.put("mask", m.create(new int[] {1, 0, 1}));
      tensors.put("flags", m.create(new boolean[] {true, false}));
      tensors.put("wide", m.create(new double[] {Math.PI}));
      tensors.put("half", m.create(new float[] {1.5f, -2.25f}).toType(DataType.FLOAT16, false));
      Path f = dir.resolve("ckpt.safetensors");
      SafetensorsWriter.write(f, tensors, Map.of("step", "42"));

      ByteBuffer head = ByteBuffer.wrap(Files.readAllBytes(f)).order(ByteOrder.LITTLE_ENDIAN);
      assertEquals(0, head.getLong(0) % 8, "data section is 8-byte aligned");
      assertEquals("42", SafetensorsReader.readFullHeader(f).metadata().get("step"));
      assertEquals(
          "F32", SafetensorsReader.readHeader(f).get("half").dtype().name(), "F16 stored as F32");

      Weights back = Weights.load(f, m);
      assertArrayEquals(
          tensors.get("prefix.weight").toFloatArray(), back.get("prefix.weight").toFloatArray());
      assertEquals(new Shape(3, 7), back.get("prefix.weight").getShape());
      assertArrayEquals(new long[] {42L}, back.get("step").toLongArray());
      assertArrayEquals(new int[] {1, 0, 1}, back.get("mask").toIntArray());
      assertArrayEquals(new float[] {1.5f, -2.25f}, back.get("half").toFloatArray());
      assertArrayEquals(new boolean[] {true, false}, back.get("flags").toBooleanArray());
      assertArrayEquals(
          new double[] {Math.PI}, Weights.load(f, m, true).get("wide").toDoubleArray());
      try (var files = Files.list(dir)) {
        assertEquals(1, files.count(), "no temporary file left beside the checkpoint");
      }
    }
  }
}
