package dev.ovid.model.shapes;

import java.nio.file.Path;

/**
 * Pretrains a T5 in a process of its own: {@code T5PretrainingRun <target> <steps>}, seed 7. Used
 * by {@link T5PretrainingTest} to compare two processes, where thread-dependent accumulation shows
 * up and two runs in one JVM hide it.
 */
public final class T5PretrainingRun {
  private T5PretrainingRun() {}

  public static void main(String[] args) {
    T5Pretraining.pretrain(
        new T5Pretraining.Settings(Integer.parseInt(args[1]), 32, 3e-3f, 32, 7),
        Path.of(args[0]),
        line -> {});
  }
}
