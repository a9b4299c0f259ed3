package dev.ovid.activities.ingestion.video;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Reads items (decoded videos) by index in a planned order, loading ahead on several threads but
 * never holding more than {@code capacity} of them: loaded-and-waiting plus in-flight together. So
 * memory stays bounded by the capacity, whatever the dataset's size.
 *
 * <p>{@link #plan} gives the order; {@link #get} must then be called with the planned indices in
 * turn. A {@code get} off the plan (or with no plan) loads synchronously, so callers are always
 * correct, only slower. A failure to load an item is thrown by the {@code get} that asks for it.
 * One consumer thread at a time.
 */
public final class PrefetchingReader<T> implements AutoCloseable {
  private record Pending<T>(int index, CompletableFuture<T> result) {}

  private static final AtomicInteger POOLS = new AtomicInteger();

  private final IntFunction<T> load;
  private final int capacity;
  private final ExecutorService pool;
  private final ArrayDeque<Pending<T>> ahead = new ArrayDeque<>();
  private int[] order = new int[0];
  private int submitted;
  private long offPlanReads;
  private long waitNanos;

  /**
   * @param load loads item {@code i}; called from the reader's threads
   * @param threads loading threads (at least 1)
   * @param capacity most items held at once (at least 1)
   */
  public PrefetchingReader(IntFunction<T> load, int threads, int capacity) {
    if (threads < 1 || capacity < 1) {
      throw new IllegalArgumentException(
          "threads and capacity must be >= 1, were " + threads + ", " + capacity);
    }
    this.load = load;
    this.capacity = capacity;
    int id = POOLS.incrementAndGet();
    AtomicInteger n = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "ovid-video-loader-" + id + "-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** Plans the next reads; what was loaded ahead for an earlier plan is dropped. */
  public void plan(int[] indices) {
    drop();
    order = indices.clone();
    submitted = 0;
    fill();
  }

  /** Item {@code index}: the next planned one from the queue, else loaded now. */
  public T get(int index) {
    long started = System.nanoTime();
    try {
      return take(index);
    } finally {
      waitNanos += System.nanoTime() - started;
    }
  }

  private T take(int index) {
    Pending<T> head = ahead.peekFirst();
    if (head == null || head.index() != index) {
      // Off the plan: the rest of it no longer describes what the caller reads.
      drop();
      order = new int[0];
      offPlanReads++;
      return load.apply(index);
    }
    ahead.pollFirst();
    fill();
    try {
      return head.result().join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      if (e.getCause() instanceof Error err) throw err;
      throw e;
    }
  }

  /** Items loaded or loading now (never more than the capacity). */
  public int held() {
    return ahead.size();
  }

  public int capacity() {
    return capacity;
  }

  /**
   * Nanoseconds the consumer spent inside {@link #get}: waiting for an item still loading, or
   * loading one off the plan. Near zero when the loader keeps ahead of the consumer.
   */
  public long waitNanos() {
    return waitNanos;
  }

  /** Reads that were not the next planned one (each loaded synchronously). */
  public long offPlanReads() {
    return offPlanReads;
  }

  private void fill() {
    while (ahead.size() < capacity && submitted < order.length) {
      int index = order[submitted++];
      ahead.addLast(
          new Pending<>(index, CompletableFuture.supplyAsync(() -> load.apply(index), pool)));
    }
  }

  private void drop() {
    for (Pending<T> p : ahead) {
      p.result().cancel(false);
    }
    ahead.clear();
  }

  @Override
  public void close() {
    drop();
    pool.shutdownNow();
  }
}
