package dev.ovid.registry.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricBufferTest {
  private final List<List<MetricPoint>> batches = new ArrayList<>();
  private final MetricSink sink = (runId, batch) -> batches.add(batch);

  @Test
  void sendsFullBatchesAndTheRestOnClose() {
    try (MetricBuffer buffer = new MetricBuffer("run-1", sink, 1000)) {
      for (int step = 0; step < 2500; step++) {
        buffer.add("loss", 1.0 / (step + 1), step, 1000L + step);
      }
      assertEquals(List.of(1000, 1000), batches.stream().map(List::size).toList());
      assertEquals(500, buffer.pendingCount());
    }
    assertEquals(List.of(1000, 1000, 500), batches.stream().map(List::size).toList());
    MetricPoint last = batches.get(2).get(499);
    assertEquals(new MetricPoint("loss", 1.0 / 2500, 2499, 1000L + 2499), last);
  }

  @Test
  void keepsValuesWhenTheSinkFailsSoAFlushCanRetry() {
    boolean[] fail = {true};
    MetricBuffer buffer =
        new MetricBuffer(
            "run-1",
            (runId, batch) -> {
              if (fail[0]) {
                throw new IllegalStateException("MLflow down");
              }
              batches.add(batch);
            },
            10);
    for (int step = 0; step < 9; step++) {
      buffer.add("loss", step, step, step);
    }
    assertThrows(IllegalStateException.class, () -> buffer.add("loss", 9, 9, 9));
    assertEquals(10, buffer.pendingCount());
    fail[0] = false;
    buffer.flush();
    assertEquals(1, batches.size());
    assertEquals(10, batches.get(0).size());
    assertEquals(10, buffer.sentCount());
  }

  @Test
  void rejectsBatchesLargerThanMlflowAccepts() {
    assertThrows(IllegalArgumentException.class, () -> new MetricBuffer("r", sink, 1001));
  }
}
