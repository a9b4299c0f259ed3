package dev.ovid.model.shapes;

import java.util.List;

/**
 * The label sets the shapes experiment scores every test video against, one AUPR each, in the order
 * of {@link #inOrder()} (which is the order of {@link ShapesExperiment#evaluate}'s result).
 *
 * @param seen the split's seen entity labels ("red square")
 * @param unseen its held-out entity labels: the held-out colour and one shape of every other colour
 * @param motion every action label ("moving left")
 * @param heldOutNames every entity under the held-out other name of its colour ("scarlet square"),
 *     which no training label and no CLIP caption uses
 * @param heldOutNamesOfSeen the seen entities alone under that name: a new name for a trained
 *     concept, where {@code heldOutNames} also holds new names of new concepts
 */
public record ShapesEvaluationLabels(
    List<String> seen,
    List<String> unseen,
    List<String> motion,
    List<String> heldOutNames,
    List<String> heldOutNamesOfSeen) {

  public static ShapesEvaluationLabels of(ShapesSplit split) {
    return new ShapesEvaluationLabels(
        split.seenEntities(),
        split.unseenEntities(),
        ShapesWorld.actionLabels(),
        ShapesWorld.synonymEntityLabels(ShapesWorld.entityLabels(), ShapesWorld.HELD_OUT_NAME),
        ShapesWorld.synonymEntityLabels(split.seenEntities(), ShapesWorld.HELD_OUT_NAME));
  }

  public List<List<String>> inOrder() {
    return List.of(seen, unseen, motion, heldOutNames, heldOutNamesOfSeen);
  }
}
