package dev.ovid.model.shapes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShapesWorldTest {

  @Test
  void splitIsAFunctionOfTheSeed() {
    assertEquals(ShapesSplit.of(5), ShapesSplit.of(5));
    Set<ShapesSplit> splits = new HashSet<>();
    for (long seed = 0; seed < 8; seed++) {
      splits.add(ShapesSplit.of(seed));
    }
    assertTrue(splits.size() > 1, "different seeds should hold out different labels");
  }

  @Test
  void splitHoldsOutOneColourEntirelyAndOneCombinationPerOtherColour() {
    for (long seed = 0; seed < 8; seed++) {
      ShapesSplit split = ShapesSplit.of(seed);
      Set<String> all = new HashSet<>(split.seenEntities());
      all.addAll(split.unseenEntities());
      assertEquals(new HashSet<>(ShapesWorld.entityLabels()), all);
      assertEquals(24, split.seenEntities().size() + split.unseenEntities().size());
      assertEquals(4 + 5, split.unseenEntities().size());
      String colour = split.heldOutColour();
      assertTrue(split.trainingVocabulary().stream().noneMatch(l -> l.startsWith(colour + " ")));
      for (String c : ShapesWorld.COLOURS) {
        if (!c.equals(colour)) {
          assertEquals(
              3, split.seenEntities().stream().filter(l -> l.startsWith(c + " ")).count(), c);
        }
      }
      for (String s : ShapesWorld.SHAPES) {
        assertTrue(split.seenEntities().stream().anyMatch(l -> l.endsWith(" " + s)), s);
      }
      assertEquals(
          List.of("moving left", "moving right", "moving up", "moving down"),
          split.trainingVocabulary().subList(15, 19));
    }
  }

  @Test
  void otherColourNamesMapBackToTheirColourAndNoCaptionNamesThem() {
    List<String> entities = ShapesWorld.entityLabels();
    for (int which = 0; which < ShapesWorld.COLOUR_SYNONYMS.get(0).size(); which++) {
      List<String> renamed = ShapesWorld.synonymEntityLabels(entities, which);
      assertEquals(entities.size(), renamed.size());
      for (int i = 0; i < entities.size(); i++) {
        assertFalse(entities.contains(renamed.get(i)), renamed.get(i));
        assertEquals(entities.get(i), ShapesWorld.canonical(renamed.get(i)));
        String word = renamed.get(i).substring(0, renamed.get(i).indexOf(' '));
        // No CLIP caption can carry the word: captions name entities by their plain labels.
        assertTrue(entities.stream().noneMatch(e -> e.contains(word)), word);
      }
    }
    assertEquals(
        "scarlet circle",
        ShapesWorld.synonymEntityLabels(List.of("red circle"), ShapesWorld.HELD_OUT_NAME).get(0));
    // A word names one colour only, or canonical() could not tell which.
    Set<String> words = new HashSet<>();
    ShapesWorld.COLOUR_SYNONYMS.forEach(names -> names.forEach(n -> assertTrue(words.add(n), n)));
    assertEquals(6 * 6, words.size());
    assertEquals("red circle", ShapesWorld.canonical("red circle"));
    assertEquals("moving left", ShapesWorld.canonical("moving left"));
  }

  @Test
  void theTrainingVocabularyNamesSeenEntitiesByEveryOtherNameButTheHeldOutOne() {
    ShapesSplit split = ShapesSplit.of(7);
    List<String> vocabulary = ShapesExperiment.trainingVocabulary(split);
    assertEquals(split.trainingVocabulary(), vocabulary.subList(0, 19));
    assertEquals(19 + 15 * 5, vocabulary.size());
    assertEquals(vocabulary.size(), new HashSet<>(vocabulary).size());
    for (String label : vocabulary.subList(19, vocabulary.size())) {
      assertTrue(split.seenEntities().contains(ShapesWorld.canonical(label)), label);
    }
    List<String> heldOut =
        ShapesWorld.synonymEntityLabels(ShapesWorld.entityLabels(), ShapesWorld.HELD_OUT_NAME);
    assertTrue(vocabulary.stream().noneMatch(heldOut::contains));
    assertEquals(
        19 + 15 * 2, ShapesExperiment.trainingVocabulary(split, 2).size(), "two other names");
  }

  @Test
  void aTrainingClipIsPositiveForEveryNameOfItsEntityAndMotion() {
    ShapesClip clip = ShapesWorld.clips(List.of("red circle"), 1, 1, 1, "train").get(0);
    List<String> vocabulary =
        List.of(
            "crimson circle", "red circle", "red square", "moving " + clip.motion(), "aqua circle");
    try (ai.djl.ndarray.NDManager manager = ai.djl.ndarray.NDManager.newBaseManager()) {
      int[] positives =
          new ShapesTrainingSet(List.of(clip), vocabulary, 2, 16).get(0, manager).positives();
      assertArrayEquals(new int[] {0, 1, 3}, positives);
    }
  }

  @Test
  void clipsCarryAnEntityAndAnActionLabel() {
    ShapesSplit split = ShapesSplit.of(1);
    List<ShapesClip> clips = ShapesWorld.clips(split.seenEntities(), 2, 1, 1, "train");
    assertEquals(15 * 4 * 2, clips.size());
    for (ShapesClip clip : clips) {
      assertEquals(2, clip.labels().size());
      assertTrue(split.seenEntities().contains(clip.labels().get(0)));
      assertTrue(clip.labels().get(1).startsWith("moving "));
    }
    assertEquals(clips, ShapesWorld.clips(split.seenEntities(), 2, 1, 1, "train"));
  }

  @Test
  void renderingIsDeterministicAndDiffersBetweenClips() {
    List<ShapesClip> clips = ShapesWorld.clips(List.of("red circle", "blue cross"), 1, 3, 1, "t");
    byte[] a = ShapesWorld.render(clips.get(0), 8, 32);
    assertEquals(8 * 3 * 32 * 32, a.length);
    assertArrayEquals(a, ShapesWorld.render(clips.get(0), 8, 32));
    assertFalse(java.util.Arrays.equals(a, ShapesWorld.render(clips.get(4), 8, 32)));
  }

  @Test
  void oppositeMotionsShowTheSameFramesInReverseOrder() {
    ShapesClip right = ShapesWorld.clips(List.of("green square"), 1, 4, 1, "t").get(1);
    assertEquals("right", right.motion());
    ShapesClip left = right.moving("l", "left");
    int frames = 8;
    int plane = 3 * 32 * 32;
    byte[] r = ShapesWorld.render(right, frames, 32);
    byte[] l = ShapesWorld.render(left, frames, 32);
    int farApart = 0;
    for (int f = 0; f < frames; f++) {
      for (int i = 0; i < plane; i++) {
        int x = r[f * plane + i] & 0xff;
        int y = l[(frames - 1 - f) * plane + i] & 0xff;
        if (Math.abs(x - y) > 8) {
          farApart++;
        }
      }
    }
    // Only the per-pixel noise (±4) differs: the same positions, in the other order.
    assertEquals(0, farApart);
    assertFalse(java.util.Arrays.equals(r, l));
  }

  @Test
  void aTailedFrameShowsWhichWayTheShapeMovesAPlainFrameDoesNot() {
    ShapesClip right = ShapesWorld.clips(List.of("green square"), 1, 4, 1, "t").get(1);
    ShapesClip left = right.moving("l", "left");
    // At t and 1 - t the two heads are in the same place.
    double t = 0.8;
    assertEquals(
        0,
        farApart(ShapesWorld.renderFrame(right, t, 32), ShapesWorld.renderFrame(left, 1 - t, 32)));
    byte[] tailedRight = ShapesWorld.renderTrail(right, t, 3, 0.25, 32);
    byte[] tailedLeft = ShapesWorld.renderTrail(left, 1 - t, 3, 0.25, 32);
    // The tails point opposite ways: a band of pixels on either side of the head differs.
    assertTrue(farApart(tailedRight, tailedLeft) > 3 * 40, "" + farApart(tailedRight, tailedLeft));
    // Without copies a tailed frame is the plain frame.
    assertArrayEquals(
        ShapesWorld.renderFrame(right, t, 32), ShapesWorld.renderTrail(right, t, 0, 0.25, 32));
  }

  private static int farApart(byte[] a, byte[] b) {
    int n = 0;
    for (int i = 0; i < a.length; i++) {
      if (Math.abs((a[i] & 0xff) - (b[i] & 0xff)) > 8) {
        n++;
      }
    }
    return n;
  }
}
