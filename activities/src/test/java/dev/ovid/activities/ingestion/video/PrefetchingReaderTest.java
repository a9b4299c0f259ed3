package dev.ovid.activities.ingestion.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PrefetchingReaderTest {
  @Test
  void readsInThePlannedOrderNeverHoldingMoreThanItsCapacity() {
    AtomicInteger started = new AtomicInteger();
    AtomicInteger consumed = new AtomicInteger();
    AtomicInteger mostAhead = new AtomicInteger();
    int[] order = IntStream.range(0, 200).map(i -> (i * 37) % 200).toArray();
    try (PrefetchingReader<String> reader =
        new PrefetchingReader<>(
            i -> {
              int ahead = started.incrementAndGet() - consumed.get();
              mostAhead.accumulateAndGet(ahead, Math::max);
              return "video-" + i;
            },
            3,
            5)) {
      reader.plan(order);
      for (int i : order) {
        assertTrue(reader.held() <= 5, "held " + reader.held());
        assertEquals("video-" + i, reader.get(i));
        consumed.incrementAndGet();
      }
      assertEquals(0, reader.offPlanReads());
    }
    assertEquals(200, started.get());
    // The capacity, plus the item just handed to the caller (counted consumed only after get).
    assertTrue(mostAhead.get() <= 6, "loaded " + mostAhead.get() + " ahead of the reader");
  }

  @Test
  void aReadOffThePlanStillReturnsTheRightItem() {
    try (PrefetchingReader<Integer> reader = new PrefetchingReader<>(i -> i * 10, 2, 4)) {
      assertEquals(70, reader.get(7)); // no plan at all
      reader.plan(new int[] {1, 2, 3});
      assertEquals(10, reader.get(1));
      assertEquals(30, reader.get(3)); // skipped 2: the plan is dropped
      assertEquals(0, reader.held());
      assertEquals(2, reader.offPlanReads());
    }
  }

  @Test
  void aFailureSurfacesAtTheReadOfItsItem() {
    try (PrefetchingReader<Integer> reader =
        new PrefetchingReader<>(
            i -> {
              if (i == 2) throw new IllegalStateException("video 2 is broken");
              return i;
            },
            2,
            3)) {
      reader.plan(new int[] {0, 1, 2, 3});
      assertEquals(0, reader.get(0));
      assertEquals(1, reader.get(1));
      var e = assertThrows(IllegalStateException.class, () -> reader.get(2));
      assertEquals("video 2 is broken", e.getMessage());
      assertEquals(3, reader.get(3));
    }
  }
}
