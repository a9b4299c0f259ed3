package dev.ovid.model.shapes;

import dev.ovid.model.core.CounterRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Which entity labels training sees, drawn from a seed: one colour is held out entirely (its name
 * never occurs in a training label), and each other colour loses one shape (a held-out combination
 * of names that training does see), the shapes rotating so that every shape keeps seen
 * combinations. Action labels are all seen.
 *
 * @param heldOutColour the colour no training label names
 * @param seenEntities entity labels of the training videos and vocabulary
 * @param unseenEntities entity labels only evaluation uses
 */
public record ShapesSplit(
    String heldOutColour, List<String> seenEntities, List<String> unseenEntities) {
  private static final long STREAM_SPLIT = 0x53504C54L;

  public ShapesSplit {
    seenEntities = List.copyOf(seenEntities);
    unseenEntities = List.copyOf(unseenEntities);
  }

  public static ShapesSplit of(long seed) {
    CounterRandom random = new CounterRandom(seed, STREAM_SPLIT);
    List<String> colours = ShapesWorld.COLOURS;
    List<String> shapes = ShapesWorld.SHAPES;
    int heldOut = random.nextInt(colours.size());
    int offset = random.nextInt(shapes.size());
    List<String> seen = new ArrayList<>();
    List<String> unseen = new ArrayList<>();
    int k = 0;
    for (int c = 0; c < colours.size(); c++) {
      int dropped = c == heldOut ? -1 : (offset + k++) % shapes.size();
      for (int s = 0; s < shapes.size(); s++) {
        String label = ShapesWorld.entityLabel(colours.get(c), shapes.get(s));
        if (c == heldOut || s == dropped) {
          unseen.add(label);
        } else {
          seen.add(label);
        }
      }
    }
    return new ShapesSplit(colours.get(heldOut), seen, unseen);
  }

  /** The training vocabulary: seen entity labels, then every action label. */
  public List<String> trainingVocabulary() {
    List<String> out = new ArrayList<>(seenEntities);
    out.addAll(ShapesWorld.actionLabels());
    return out;
  }
}
