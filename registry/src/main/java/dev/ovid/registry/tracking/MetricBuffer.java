package dev.ovid.registry.tracking;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;

/**
 * Collects metric values and sends them in batches of at most {@code capacity} (MLflow's log-batch
 * takes ≤ 1000 metrics per call), instead of one HTTP call per value. Flushes when full, on {@link
 * #flush()} and on {@link #close()}. Thread-safe.
 *
 * <p>A buffer made with {@link #async} sends full batches from a sender thread, at most {@code
 * maxInFlight} at once, so the thread that adds values (the training loop) never waits for MLflow
 * unless that many batches are already on their way. {@link #flush()} waits for them. Every value
 * reaches the sink exactly once when the sink succeeds: a batch whose send failed is kept and sent
 * again by the next flush, and a batch is never sent twice after a success.
 */
public final class MetricBuffer implements AutoCloseable {
  /** MLflow's limit on metrics per log-batch request. */
  public static final int MAX_BATCH = 1000;

  private final String runId;
  private final MetricSink sink;
  private final int capacity;
  private final Executor sender;
  private final Semaphore inFlight;
  private final int maxInFlight;
  private final List<MetricPoint> pending = new ArrayList<>();
  // Batches a sender thread failed to send; the next flush sends them again.
  private final List<List<MetricPoint>> failed = new ArrayList<>();
  private RuntimeException lastFailure;
  private long sent;

  public MetricBuffer(String runId, MetricSink sink, int capacity) {
    this(runId, sink, capacity, null, 1);
  }

  public MetricBuffer(String runId, MetricSink sink) {
    this(runId, sink, MAX_BATCH);
  }

  private MetricBuffer(
      String runId, MetricSink sink, int capacity, Executor sender, int maxInFlight) {
    if (capacity < 1 || capacity > MAX_BATCH) {
      throw new IllegalArgumentException(
          "capacity must be within 1.." + MAX_BATCH + ", got " + capacity);
    }
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be >= 1, got " + maxInFlight);
    }
    this.runId = runId;
    this.sink = sink;
    this.capacity = capacity;
    this.sender = sender;
    this.maxInFlight = maxInFlight;
    this.inFlight = new Semaphore(maxInFlight);
  }

  /** A buffer that sends full batches on {@code sender}, at most {@code maxInFlight} at once. */
  public static MetricBuffer async(
      String runId, MetricSink sink, int capacity, Executor sender, int maxInFlight) {
    return new MetricBuffer(runId, sink, capacity, sender, maxInFlight);
  }

  public void add(String key, double value, long step, long timestampMs) {
    List<MetricPoint> full;
    synchronized (this) {
      pending.add(new MetricPoint(key, value, step, timestampMs));
      if (pending.size() < capacity) return;
      if (sender == null) {
        flush();
        return;
      }
      full = List.copyOf(pending);
      pending.clear();
    }
    sendAsync(full);
  }

  /** Adds a value stamped with the current time. */
  public void add(String key, double value, long step) {
    add(key, value, step, System.currentTimeMillis());
  }

  /**
   * Sends what is pending and waits for batches on their way. If the sink fails the values stay
   * pending, so a later flush retries them.
   */
  public void flush() {
    if (sender != null) {
      // Every batch already handed to a sender thread has succeeded or landed in `failed`.
      inFlight.acquireUninterruptibly(maxInFlight);
      inFlight.release(maxInFlight);
    }
    synchronized (this) {
      while (!failed.isEmpty()) {
        List<MetricPoint> batch = failed.get(0);
        sink.logMetrics(runId, batch);
        failed.remove(0);
        sent += batch.size();
      }
      lastFailure = null;
      if (pending.isEmpty()) {
        return;
      }
      List<MetricPoint> batch = List.copyOf(pending);
      sink.logMetrics(runId, batch);
      pending.clear();
      sent += batch.size();
    }
  }

  private void sendAsync(List<MetricPoint> batch) {
    // Back-pressure: with maxInFlight batches on their way the caller waits for one to finish.
    inFlight.acquireUninterruptibly();
    try {
      sender.execute(
          () -> {
            try {
              sink.logMetrics(runId, batch);
              synchronized (this) {
                sent += batch.size();
              }
            } catch (RuntimeException e) {
              synchronized (this) {
                failed.add(batch);
                lastFailure = e;
              }
            } finally {
              inFlight.release();
            }
          });
    } catch (RuntimeException rejected) {
      inFlight.release();
      synchronized (this) {
        failed.add(batch);
        lastFailure = rejected;
      }
    }
  }

  /** Values not yet handed to the sink: buffered, or failed and waiting for a flush. */
  public synchronized int pendingCount() {
    int waiting = pending.size();
    for (List<MetricPoint> b : failed) waiting += b.size();
    return waiting;
  }

  /** The last failure of a background send since the last successful flush (null if none). */
  public synchronized RuntimeException lastFailure() {
    return lastFailure;
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
