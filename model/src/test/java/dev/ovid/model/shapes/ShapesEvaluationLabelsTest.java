package dev.ovid.model.shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShapesEvaluationLabelsTest {
  @ParameterizedTest
  @ValueSource(longs = {3, 7, 11})
  void heldOutNamesOfSeenNameExactlyTheSeenEntitiesUnderTheHeldOutName(long seed) {
    ShapesSplit split = ShapesSplit.of(seed);
    ShapesEvaluationLabels labels = ShapesEvaluationLabels.of(split);
    List<String> named = labels.heldOutNamesOfSeen();
    assertEquals(split.seenEntities().size(), named.size());
    assertEquals(
        split.seenEntities(), named.stream().map(ShapesWorld::canonical).toList(), "same concepts");
    Set<String> trained = new HashSet<>(ShapesExperiment.trainingVocabulary(split));
    named.forEach(l -> assertFalse(trained.contains(l), l + " is a training label"));
    // Another name of a seen entity that no training label uses: with every other name but the
    // held-out one trained, only the held-out name is left.
    named.forEach(l -> assertFalse(split.seenEntities().contains(l), l + " is a plain name"));
  }

  @ParameterizedTest
  @ValueSource(longs = {3, 7, 11})
  void heldOutNamesCoverEveryEntityAndContainTheSeenOnes(long seed) {
    ShapesSplit split = ShapesSplit.of(seed);
    ShapesEvaluationLabels labels = ShapesEvaluationLabels.of(split);
    assertEquals(
        ShapesWorld.entityLabels(),
        labels.heldOutNames().stream().map(ShapesWorld::canonical).toList());
    assertTrue(labels.heldOutNames().containsAll(labels.heldOutNamesOfSeen()));
    assertEquals(
        List.of(
            split.seenEntities(),
            split.unseenEntities(),
            ShapesWorld.actionLabels(),
            labels.heldOutNames(),
            labels.heldOutNamesOfSeen()),
        labels.inOrder(),
        "the order of ShapesExperiment.evaluate's result and of the table's columns");
  }
}
