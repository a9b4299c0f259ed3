package dev.ovid.model.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CounterRandomTest {
  @Test
  void streamsArePureFunctionsOfSeedAndKeys() {
    CounterRandom a = new CounterRandom(1, 2, 3);
    CounterRandom b = new CounterRandom(1, 2, 3);
    for (int i = 0; i < 100; i++) {
      assertEquals(a.nextLong(), b.nextLong());
    }
    assertNotEquals(new CounterRandom(1, 2, 3).nextLong(), new CounterRandom(1, 2, 4).nextLong());
    assertNotEquals(new CounterRandom(1, 2, 3).nextLong(), new CounterRandom(1, 3, 2).nextLong());
  }

  @Test
  void gaussianDrawsHaveUnitMomentsAndUniformIntsAreUnbiased() {
    CounterRandom r = new CounterRandom(8);
    double sum = 0;
    double squares = 0;
    int n = 200_000;
    for (int i = 0; i < n; i++) {
      double g = r.nextGaussian();
      sum += g;
      squares += g * g;
    }
    assertEquals(0, sum / n, 0.01);
    assertEquals(1, squares / n, 0.01);
    int[] counts = new int[7];
    for (int i = 0; i < 70_000; i++) {
      counts[r.nextInt(7)]++;
    }
    for (int c : counts) {
      assertTrue(Math.abs(c - 10_000) < 400, "bucket " + c);
    }
  }
}
