package dev.ovid.registry.tracking;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects metric values and sends them in batches of at most {@code capacity} (MLflow's log-batch
 * takes ≤ 1000 metrics per call), instead of one HTTP call per value. Flushes when full, on {@link
 * #flush()} and on {@link #close()}. Thread-safe.
 */
public final class MetricBuffer implements AutoCloseable {
  /** MLflow's limit on metrics per log-batch request. */
  public static final int MAX_BATCH = 1000;

  private final String runId;
  private final MetricSink sink;
  private final int capacity;
  private final List<MetricPoint> pending = new ArrayList<>();
  private long sent;

  public MetricBuffer(String runId, MetricSink sink, int capacity) {
    if (capacity < 1 || capacity > MAX_BATCH) {
      throw new IllegalArgumentException(
          "capacity must be within 1.." + MAX_BATCH + ", got " + capacity);
    }
    this.runId = runId;
    this.sink = sink;
    this.capacity = capacity;
  }

  public MetricBuffer(String runId, MetricSink sink) {
    this(runId, sink, MAX_BATCH);
  }

  public synchronized void add(String key, double value, long step, long timestampMs) {
    pending.add(new MetricPoint(key, value, step, timestampMs));
    if (pending.size() >= capacity) {
      flush();
    }
  }

  /** Adds a value stamped with the current time. */
  public void add(String key, double value, long step) {
    add(key, value, step, System.currentTimeMillis());
  }

  /**
   * Sends what is pending. If the sink fails the values stay pending, so a later flush retries
   * them.
   */
  public synchronized void flush() {
    if (pending.isEmpty()) {
      return;
    }
    List<MetricPoint> batch = List.copyOf(pending);
    sink.logMetrics(runId, batch);
    pending.clear();
    sent += batch.size();
  }

  public synchronized int pendingCount() {
    return pending.size();
  }

  /** How many values have reached the sink. */
  public synchronized long sentCount() {
    return sent;
  }

  @Override
  public void close() {
    flush();
  }
}
