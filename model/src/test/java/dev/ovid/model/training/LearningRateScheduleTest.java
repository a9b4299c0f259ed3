package dev.ovid.model.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {
  @Test
  void warmsUpLinearlyThenDecaysAlongACosineToTheFloor() {
    LearningRateSchedule s = new LearningRateSchedule(1f, 4, 14, 0.1f);
    assertEquals(0.25f, s.rate(0), 1e-6f);
    assertEquals(1f, s.rate(3), 1e-6f);
    assertEquals(1f, s.rate(4), 1e-6f);
    assertEquals(0.1f + 0.9f * 0.5f, s.rate(9), 1e-6f);
    assertEquals(0.1f, s.rate(14), 1e-6f);
    assertEquals(0.1f, s.rate(100), 1e-6f);
  }
}
