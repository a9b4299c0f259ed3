package dev.ovid.model.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

class DevicesTest {
  @Test
  void cudaWheneverPresentUnlessCpuIsRequested() {
    assertEquals(Device.gpu(), Devices.choose("", 1));
    assertEquals(Device.cpu(), Devices.choose("", 0));
    assertEquals(Device.cpu(), Devices.choose("cpu", 2));
    assertEquals(Device.gpu(), Devices.choose("cuda", 1));
  }

  @Test
  void cudaRequestedWithoutGpuIsAnErrorNotASilentCpuRun() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> Devices.choose("cuda", 0));
    assertEquals(true, e.getMessage().contains("no GPU"));
    assertThrows(IllegalArgumentException.class, () -> Devices.choose("tpu", 0));
  }
}
