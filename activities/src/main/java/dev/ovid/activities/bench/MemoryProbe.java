package dev.ovid.activities.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Samples this process's memory while a benchmark runs: the heap retained after a full GC (what the
 * program really holds; sampled every {@code periodMs}), the heap in use at any moment, and the
 * resident set (Linux /proc: VmRSS now, VmHWM its peak).
 */
final class MemoryProbe implements AutoCloseable {
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final Thread thread;
  private volatile boolean running = true;
  private long maxRetainedHeap;
  private long maxHeapInUse;
  private long maxRss;

  MemoryProbe(long periodMs) {
    thread =
        new Thread(
            () -> {
              while (running) {
                sample(true);
                try {
                  Thread.sleep(periodMs);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "ovid-memory-probe");
    thread.setDaemon(true);
    thread.start();
  }

  private synchronized void sample(boolean collect) {
    maxHeapInUse = Math.max(maxHeapInUse, memory.getHeapMemoryUsage().getUsed());
    maxRss = Math.max(maxRss, procStatus("VmRSS:"));
    if (collect) {
      System.gc();
      maxRetainedHeap = Math.max(maxRetainedHeap, memory.getHeapMemoryUsage().getUsed());
    }
  }

  synchronized long maxRetainedHeap() {
    return maxRetainedHeap;
  }

  synchronized long maxHeapInUse() {
    return maxHeapInUse;
  }

  /** Peak resident set of the process since it started (VmHWM), or the sampled peak. */
  synchronized long peakRss() {
    long hwm = procStatus("VmHWM:");
    return hwm > 0 ? hwm : maxRss;
  }

  /** A field of /proc/self/status in bytes; 0 where there is none (not Linux). */
  static long procStatus(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(field)) {
          String[] parts = line.substring(field.length()).trim().split("\\s+");
          return Long.parseLong(parts[0]) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return 0;
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sample(true);
  }
}
