package dev.ovid.model.shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ovid.model.core.CounterRandom;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The examples {@link ClipPretraining} learns from, with and without motion tails. */
class ClipPretrainingTest {
  private static final ShapesClip LEFT =
      ShapesWorld.clips(List.of("red circle"), 1, 7, 1, "t").get(0);

  @Test
  void aTailedExampleIsCaptionedWithItsMotionAndOnlyItsMotion() {
    ClipPretraining.Example tailed = ClipPretraining.example(LEFT, true, new CounterRandom(1), 32);
    assertEquals("left", LEFT.motion());
    assertTrue(
        tailed.caption().endsWith("moving left") || tailed.caption().contains("moving left."),
        tailed.caption());
    assertEquals("moving left", tailed.motion());
    ClipPretraining.Example plain = ClipPretraining.example(LEFT, false, new CounterRandom(1), 32);
    assertTrue(plain.caption().contains("red circle"), plain.caption());
    assertEquals(null, plain.motion());
    // A motion caption is true of every tailed frame moving that way, of no plain frame.
    assertTrue(tailed.describes(tailed));
    assertFalse(tailed.describes(plain));
    // An entity caption is true of the entity's frames, tailed or not.
    assertTrue(plain.describes(tailed));
  }

  @Test
  void theOppositeMotionsCaptionIsANegative() {
    ShapesClip right = LEFT.moving("r", "right");
    ClipPretraining.Example l = ClipPretraining.example(LEFT, true, new CounterRandom(2), 32);
    ClipPretraining.Example r = ClipPretraining.example(right, true, new CounterRandom(2), 32);
    assertFalse(l.describes(r));
    assertFalse(r.describes(l));
    assertFalse(java.util.Arrays.equals(l.pixels(), r.pixels()));
  }

  @Test
  void theDemoRecipeHasNoMotionBatchesAndTheExperimentsDoes() {
    assertFalse(new ClipPretraining.Settings(2, 8, 1e-3f, 14f, 3).motionTails());
    ClipPretraining.Settings standard = ShapesExperiment.Settings.standard().pretraining();
    assertTrue(standard.motionTails());
    assertEquals(2400, standard.totalSteps());
    assertFalse(
        ShapesExperiment.Settings.standard()
            .withPretrainingSteps(400, 0)
            .pretraining()
            .motionTails());
  }

  @Test
  void motionBatchesAreSpreadEvenlyAmongTheEntityBatches() {
    ClipPretraining.Settings alternate = new ClipPretraining.Settings(3, 8, 1e-3f, 14f, 3, 3);
    StringBuilder pattern = new StringBuilder();
    for (int step = 0; step < alternate.totalSteps(); step++) {
      pattern.append(alternate.isMotionStep(step) ? 'm' : 'e');
    }
    assertEquals("ememem", pattern.toString());
    ClipPretraining.Settings mostlyMotion =
        new ClipPretraining.Settings(400, 8, 1e-3f, 14f, 3, 2000);
    int motion = 0;
    int entitiesInARow = 0;
    for (int step = 0; step < mostlyMotion.totalSteps(); step++) {
      boolean m = mostlyMotion.isMotionStep(step);
      motion += m ? 1 : 0;
      entitiesInARow = m ? 0 : entitiesInARow + 1;
      assertTrue(entitiesInARow <= 1, "two entity batches in a row at " + step);
    }
    assertEquals(2000, motion);
    assertFalse(new ClipPretraining.Settings(5, 8, 1e-3f, 14f, 3).isMotionStep(4));
  }

  @Test
  void settingsWithoutStepsOrWithNegativeCountsAreRefusedByName() {
    IllegalArgumentException none =
        assertThrows(
            IllegalArgumentException.class,
            () -> new ClipPretraining.Settings(0, 8, 1e-3f, 14f, 3, 0));
    assertTrue(none.getMessage().contains("at least one step"), none.getMessage());
    IllegalArgumentException negative =
        assertThrows(
            IllegalArgumentException.class,
            () -> new ClipPretraining.Settings(10, 8, 1e-3f, 14f, 3, -1));
    assertTrue(negative.getMessage().contains("motionSteps >= 0"), negative.getMessage());
  }

  @Test
  void twoStepsWithMotionTailsWriteACheckpointAndMeasureMotion(@TempDir Path work) {
    ShapesExperiment.Settings tiny = ShapesExperiment.Settings.tiny().withPretrainingSteps(1, 1);
    ClipPretraining.Report report =
        ClipPretraining.pretrain(
            tiny.clipSpec(), tiny.pretraining(), work.resolve("clip"), line -> {});
    assertEquals(2, report.steps());
    assertTrue(Float.isFinite(report.firstLoss()) && Float.isFinite(report.lastLoss()));
    assertTrue(report.motionZeroShotAccuracy() >= 0 && report.motionZeroShotAccuracy() <= 1);
    assertTrue(Files.isRegularFile(work.resolve("clip/model.safetensors")));
  }
}
