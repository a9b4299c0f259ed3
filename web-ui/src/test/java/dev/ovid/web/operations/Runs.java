package dev.ovid.web.operations;

import static org.junit.jupiter.api.Assertions.fail;

import dev.ovid.registry.run.RunRegistry;
import dev.ovid.registry.run.TrainingRun;
import java.time.Duration;
import java.util.function.Predicate;

/** Waits for runs to get somewhere. */
final class Runs {
  private Runs() {}

  static TrainingRun await(
      RunRegistry runs, long runId, Predicate<TrainingRun> condition, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    TrainingRun run = runs.get(runId);
    while (!condition.test(run)) {
      if (System.nanoTime() > deadline) {
        fail("run " + runId + " did not get there in " + limit + "; now " + describe(run));
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      run = runs.get(runId);
    }
    return run;
  }

  static TrainingRun awaitEnd(RunRegistry runs, long runId, Duration limit) {
    return await(runs, runId, r -> r.status.isFinal(), limit);
  }

  static String describe(TrainingRun run) {
    return run.status + " " + run.stage + " step " + run.lastStep + ": " + run.message;
  }
}
