package dev.ovid.activities.training;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets a worker that shuts down stop its trainings at the next step. Native training code does not
 * notice thread interrupts, so each attempt remembers the generation it started in and stops once
 * {@link #stopRunning()} has moved it on; Temporal then retries the attempt, which resumes from its
 * last checkpoint.
 */
@ApplicationScoped
public class TrainingStopSignal {
  private final AtomicLong generation = new AtomicLong();

  /** Stops every training started before this call; later ones run normally. */
  public void stopRunning() {
    generation.incrementAndGet();
  }

  long current() {
    return generation.get();
  }

  boolean stopped(long startedIn) {
    return generation.get() != startedIn;
  }
}
