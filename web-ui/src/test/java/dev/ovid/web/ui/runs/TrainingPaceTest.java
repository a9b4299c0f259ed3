package dev.ovid.web.ui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingPaceTest {
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

  @Test
  void measuresStepsPerSecondAndTimeLeftFromTimedReports() {
    var pace =
        TrainingPace.of(
                List.of(
                    new TrainingPace.Report(T0, 10, 100),
                    new TrainingPace.Report(T0.plusSeconds(20), 30, 100)),
                4,
                8)
            .orElseThrow();
    assertEquals(1.0, pace.stepsPerSecond(), 1e-9);
    assertEquals(8.0, pace.samplesPerSecond(), 1e-9);
    assertEquals(Duration.ofSeconds(70), pace.timeLeft());
    assertEquals(30, pace.step());
    assertEquals(2, pace.epoch()); // 25 steps per epoch: step 30 is in epoch 2 of 4
    assertEquals(4, pace.epochs());
  }

  @Test
  void aResumedAttemptIsMeasuredFromWhereItRestarted() {
    var pace =
        TrainingPace.of(
                List.of(
                    new TrainingPace.Report(T0, 50, 100),
                    new TrainingPace.Report(T0.plusSeconds(100), 20, 100),
                    new TrainingPace.Report(T0.plusSeconds(110), 40, 100)),
                1,
                null)
            .orElseThrow();
    assertEquals(2.0, pace.stepsPerSecond(), 1e-9);
    assertNull(pace.samplesPerSecond());
    assertEquals(Duration.ofSeconds(30), pace.timeLeft());
  }

  @Test
  void oneReportGivesPositionButNoPaceYet() {
    var pace = TrainingPace.of(List.of(new TrainingPace.Report(T0, 5, 10)), 2, 4).orElseThrow();
    assertNull(pace.stepsPerSecond());
    assertNull(pace.timeLeft());
    assertEquals(1, pace.epoch());
    assertTrue(TrainingPace.of(List.of(), 2, 4).isEmpty());
  }

  @Test
  void formatsDurationsForPeople() {
    assertEquals("12 s", TrainingPace.format(Duration.ofSeconds(12)));
    assertEquals("3 min 07 s", TrainingPace.format(Duration.ofSeconds(187)));
    assertEquals("1 h 02 min", TrainingPace.format(Duration.ofMinutes(62)));
  }

  @Test
  void readsTheStepReportFromARunsProgressMessage() {
    var report = TrainingPace.report("step 30/100, loss 0.4000", T0).orElseThrow();
    assertEquals(30, report.step());
    assertEquals(100, report.totalSteps());
    assertTrue(TrainingPace.report("curate started", T0).isEmpty());
    assertTrue(TrainingPace.report(null, T0).isEmpty());
  }
}
