package dev.ovid.model.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrecisionTest {
  @TempDir Path dir;

  @Test
  void detectsBf16FromCpuFlags() throws IOException {
    Path with = dir.resolve("with");
    Files.writeString(with, "processor\t: 0\nflags\t\t: fpu sse avx512f avx512_bf16 avx512_vnni\n");
    Path amx = dir.resolve("amx");
    Files.writeString(amx, "flags\t\t: fpu amx_bf16 amx_tile\n");
    Path without = dir.resolve("without");
    Files.writeString(without, "flags\t\t: fpu sse avx2 avx512f avx512_bf16x\n");
    assertTrue(Precision.cpuHasBf16(with));
    assertTrue(Precision.cpuHasBf16(amx));
    assertFalse(Precision.cpuHasBf16(without));
    assertFalse(Precision.cpuHasBf16(dir.resolve("missing")));
  }

  @Test
  void gpusFromAmpereOnComputeBf16() {
    assertTrue(Precision.gpuHasBf16("80"));
    assertTrue(Precision.gpuHasBf16("90"));
    assertFalse(Precision.gpuHasBf16("75"), "Turing: fp16 only, which needs loss scaling");
    assertFalse(Precision.gpuHasBf16("0"));
    assertFalse(Precision.gpuHasBf16("unknown"));
  }

  @Test
  void autoPicksFp16OnVoltaAndTuringBf16FromAmpereFp32Below() {
    assertEquals(Precision.FP16, Precision.forComputeCapability("75"), "Turing (T4)");
    assertEquals(Precision.FP16, Precision.forComputeCapability("70"), "Volta (V100)");
    assertEquals(Precision.BF16, Precision.forComputeCapability("80"), "Ampere (A100)");
    assertEquals(Precision.BF16, Precision.forComputeCapability("90"), "Hopper (H100)");
    assertEquals(Precision.FP32, Precision.forComputeCapability("61"), "Pascal: no tensor cores");
    assertEquals(Precision.FP32, Precision.forComputeCapability("0"), "unknown");
  }

  @Test
  void readsNvidiaSmisComputeCapability() {
    assertEquals("90", Precision.parseComputeCapability("9.0"));
    assertEquals("75", Precision.parseComputeCapability("7.5"));
    assertEquals("0", Precision.parseComputeCapability("[N/A]"));
    assertEquals("0", Precision.parseComputeCapability("NVIDIA-SMI has failed"));
  }

  @Test
  void parsesRunParameterSpellings() {
    assertEquals(Precision.FP32, Precision.parse("fp32", Device.cpu()));
    assertEquals(Precision.BF16, Precision.parse("BF16", Device.cpu()));
    assertEquals(Precision.defaultFor(Device.cpu()), Precision.parse("auto", Device.cpu()));
    assertEquals("bf16", Precision.BF16.label());
    assertEquals(Precision.FP16, Precision.parse("fp16", Device.cpu()), "explicit fp16 on a CPU");
    assertEquals(Precision.FP16, Precision.parse("float16", Device.cpu()));
    assertEquals("fp16", Precision.FP16.label());
    assertEquals(ai.djl.ndarray.types.DataType.FLOAT16, Precision.FP16.lowType());
    assertEquals(null, Precision.FP32.lowType());
    assertThrows(IllegalArgumentException.class, () -> Precision.parse("fp8", Device.cpu()));
  }
}
