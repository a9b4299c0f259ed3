package dev.ovid.model.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ovid.model.core.CounterRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LabelBatchSamplerTest {
  @Test
  void everyBatchHasExactlyFourBClassesAndNoPositiveAmongNegatives() {
    LabelBatchSampler sampler = new LabelBatchSampler(100, 4);
    for (int trial = 0; trial < 500; trial++) {
      CounterRandom random = new CounterRandom(9, trial);
      int videos = 1 + random.nextInt(8);
      int[][] positives = new int[videos][];
      for (int v = 0; v < videos; v++) {
        positives[v] = new int[random.nextInt(4)];
        for (int i = 0; i < positives[v].length; i++) {
          positives[v][i] = random.nextInt(100);
        }
      }
      LabelBatch batch = sampler.sample(positives, new CounterRandom(1, trial));
      assertEquals(4 * videos, batch.classes().length);
      assertEquals(4 * videos, Arrays.stream(batch.classes()).distinct().count(), "classes repeat");
      Set<Integer> union = new HashSet<>();
      for (int[] p : positives) {
        Arrays.stream(p).forEach(union::add);
      }
      assertEquals(union.size(), batch.positiveCount());
      for (int v = 0; v < videos; v++) {
        Set<Integer> own = new HashSet<>();
        Arrays.stream(positives[v]).forEach(own::add);
        for (int negative : batch.negatives(v)) {
          assertFalse(
              own.contains(negative), "positive " + negative + " is a negative of video " + v);
        }
        assertEquals(4 * videos - own.size(), batch.negatives(v).length);
        for (int c = 0; c < batch.classes().length; c++) {
          assertEquals(own.contains(batch.classes()[c]), batch.positive()[v][c]);
        }
      }
    }
  }

  @Test
  void negativesAreDrawnFromTheWholeRestOfTheVocabulary() {
    LabelBatchSampler sampler = new LabelBatchSampler(20, 4);
    int[] seen = new int[20];
    for (int trial = 0; trial < 2000; trial++) {
      LabelBatch batch = sampler.sample(new int[][] {{0}}, new CounterRandom(3, trial));
      for (int c = batch.positiveCount(); c < batch.classes().length; c++) {
        seen[batch.classes()[c]]++;
      }
    }
    assertEquals(0, seen[0]);
    for (int label = 1; label < 20; label++) {
      // 3 of 19 drawn per trial: expected 316 each
      assertTrue(
          seen[label] > 200 && seen[label] < 450, "label " + label + " drawn " + seen[label]);
    }
  }

  @Test
  void keepsEveryPositiveWhenTheyOutnumberFourB() {
    LabelBatchSampler sampler = new LabelBatchSampler(50, 4);
    int[][] positives = {{0, 1, 2, 3, 4, 5, 6}};
    LabelBatch batch = sampler.sample(positives, new CounterRandom(0));
    assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6}, batch.classes());
    assertEquals(0, batch.negatives(0).length);
  }

  @Test
  void usesTheWholeVocabularyWhenItIsSmallerThanFourB() {
    LabelBatchSampler sampler = new LabelBatchSampler(6, 4);
    LabelBatch batch = sampler.sample(new int[][] {{5}, {2}}, new CounterRandom(0));
    int[] sorted = batch.classes().clone();
    Arrays.sort(sorted);
    assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, sorted);
    assertArrayEquals(new int[] {2, 5}, Arrays.copyOf(batch.classes(), 2));
  }

  @Test
  void rejectsLabelIndicesOutsideTheVocabulary() {
    LabelBatchSampler sampler = new LabelBatchSampler(10, 4);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> sampler.sample(new int[][] {{1}, {10}}, new CounterRandom(0)));
    assertTrue(e.getMessage().contains("video 1"), e.getMessage());
  }

  @Test
  void sameSeedAndStepGiveTheSameBatch() {
    LabelBatchSampler sampler = new LabelBatchSampler(1000, 4);
    int[][] positives = {{3, 7}, {9}};
    assertArrayEquals(
        sampler.sample(positives, new CounterRandom(5, 2, 17)).classes(),
        sampler.sample(positives, new CounterRandom(5, 2, 17)).classes());
  }
}
