package dev.ovid.model.shapes;

import dev.ovid.model.core.CounterRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * A generated compositional video world: a coloured shape moving in one direction over a dark
 * background. Each video carries an <em>entity</em> label ("red circle") and an <em>action</em>
 * label ("moving left"). Which entity labels training may see is decided by {@link ShapesSplit}
 * (one colour held out entirely, so its name never appears in a training label, and one more
 * colour-shape combination per remaining colour).
 *
 * <p>Motion direction is visible only in the order of the frames: a video moving left and one
 * moving right show the same set of positions, so a model that averages frame embeddings cannot
 * tell them apart, while a temporal model can.
 */
public final class ShapesWorld {
  public static final List<String> COLOURS =
      List.of("red", "green", "blue", "yellow", "purple", "cyan");
  public static final List<String> SHAPES = List.of("square", "circle", "triangle", "cross");
  public static final List<String> MOTIONS = List.of("left", "right", "up", "down");

  /**
   * Six other names for each colour, in {@link #COLOURS} order. No CLIP caption uses them: only the
   * language model learns them ({@link T5Pretraining}), as an LLM knows words that image captions
   * rarely carry. The second of each list ({@link #HELD_OUT_NAME}) is never trained on: the
   * experiment asks for entities by it to score held-out label names.
   */
  public static final List<List<String>> COLOUR_SYNONYMS =
      List.of(
          List.of("crimson", "scarlet", "ruby", "cherry", "vermilion", "cardinal"),
          List.of("emerald", "jade", "lime", "olive", "mint", "fern"),
          List.of("azure", "navy", "cobalt", "sapphire", "indigo", "denim"),
          List.of("golden", "lemon", "amber", "canary", "mustard", "butter"),
          List.of("violet", "lilac", "plum", "mauve", "orchid", "lavender"),
          List.of("teal", "aqua", "turquoise", "arctic", "glacier", "lagoon"));

  /** Index in {@link #COLOUR_SYNONYMS} of the other name that no training label uses. */
  public static final int HELD_OUT_NAME = 1;

  private static final int[][] RGB = {
    {220, 40, 40}, {40, 200, 60}, {50, 80, 235}, {235, 215, 40}, {165, 60, 205}, {40, 210, 220}
  };

  private static final long STREAM_CLIPS = 0x5348_4150L;

  private ShapesWorld() {}

  /** "red circle". */
  public static String entityLabel(String colour, String shape) {
    return colour + " " + shape;
  }

  /** "moving left". */
  public static String actionLabel(String motion) {
    return "moving " + motion;
  }

  /** Every entity label of the world, colour-major. */
  public static List<String> entityLabels() {
    List<String> out = new ArrayList<>();
    for (String c : COLOURS) {
      for (String s : SHAPES) {
        out.add(entityLabel(c, s));
      }
    }
    return out;
  }

  /**
   * {@code entities} under the {@code which}-th other name of their colour ("red circle" → "crimson
   * circle" for 0, "scarlet circle" for 1).
   */
  public static List<String> synonymEntityLabels(List<String> entities, int which) {
    return entities.stream()
        .map(
            e -> {
              int c = COLOURS.indexOf(colourOf(e));
              return entityLabel(COLOUR_SYNONYMS.get(c).get(which), shapeOf(e));
            })
        .toList();
  }

  /** "red" of "red circle". */
  static String colourOf(String entity) {
    return entity.substring(0, entity.indexOf(' '));
  }

  /** "circle" of "red circle". */
  static String shapeOf(String entity) {
    return entity.substring(entity.indexOf(' ') + 1);
  }

  /** The plain name of an entity label ("crimson circle" → "red circle"); other labels as given. */
  public static String canonical(String label) {
    int space = label.indexOf(' ');
    if (space < 0) {
      return label;
    }
    String colour = label.substring(0, space);
    for (int c = 0; c < COLOURS.size(); c++) {
      if (COLOUR_SYNONYMS.get(c).contains(colour)) {
        return COLOURS.get(c) + label.substring(space);
      }
    }
    return label;
  }

  public static List<String> actionLabels() {
    return MOTIONS.stream().map(ShapesWorld::actionLabel).toList();
  }

  /**
   * {@code repeats} clips of every (entity, motion) pair among {@code entities}, each with its own
   * size, path and background drawn from (seed, stream, index); {@code prefix} names them.
   */
  public static List<ShapesClip> clips(
      List<String> entities, int repeats, long seed, long stream, String prefix) {
    List<ShapesClip> out = new ArrayList<>();
    int i = 0;
    for (String entity : entities) {
      String colour = colourOf(entity);
      String shape = shapeOf(entity);
      for (String motion : MOTIONS) {
        for (int r = 0; r < repeats; r++) {
          CounterRandom random = new CounterRandom(seed, STREAM_CLIPS, stream, i);
          out.add(
              new ShapesClip(
                  String.format("%s-%04d", prefix, i),
                  colour,
                  shape,
                  motion,
                  0.30 + 0.08 * random.nextDouble(),
                  random.nextDouble(),
                  random.nextDouble(),
                  0.30 + 0.15 * random.nextDouble(),
                  16 + random.nextInt(24),
                  random.nextLong()));
          i++;
        }
      }
    }
    return out;
  }

  /**
   * Renders {@code frames} frames of {@code clip} at {@code size}×{@code size} as uint8 pixels in
   * [F, 3, H, W] order.
   */
  public static byte[] render(ShapesClip clip, int frames, int size) {
    byte[] out = new byte[frames * 3 * size * size];
    for (int f = 0; f < frames; f++) {
      double t = frames == 1 ? 0.5 : f / (double) (frames - 1);
      renderFrame(clip, t, size, out, f * 3 * size * size);
    }
    return out;
  }

  /** One frame at time {@code t} ∈ [0, 1] of the motion, [3, H, W] uint8. */
  public static byte[] renderFrame(ShapesClip clip, double t, int size) {
    byte[] out = new byte[3 * size * size];
    renderFrame(clip, t, size, out, 0);
    return out;
  }

  private static void renderFrame(ShapesClip clip, double t, int size, byte[] out, int offset) {
    renderTrail(clip, t, 0, 0, size, out, offset);
  }

  /**
   * One frame at time {@code t} with a comet tail: {@code copies} fading copies of the shape at
   * times t − k·{@code spacing} behind the full-colour head (the oldest dimmest), so a single image
   * shows which way the shape moves. Only pretraining images use it ({@link ClipPretraining}):
   * video clips show plain shapes, whose direction is in the frame order alone.
   */
  public static byte[] renderTrail(
      ShapesClip clip, double t, int copies, double spacing, int size) {
    byte[] out = new byte[3 * size * size];
    renderTrail(clip, t, copies, spacing, size, out, 0);
    return out;
  }

  private static void renderTrail(
      ShapesClip clip, double t, int copies, double spacing, int size, byte[] out, int offset) {
    double side = clip.size() * size;
    int[] rgb = RGB[COLOURS.indexOf(clip.colour())];
    int shape = SHAPES.indexOf(clip.shape());
    if (shape < 0) {
      throw new IllegalArgumentException("unknown shape " + clip.shape());
    }
    double[][] xy = new double[copies + 1][];
    for (int k = 0; k <= copies; k++) {
      xy[k] = position(clip, t - (copies - k) * spacing, size);
    }
    int plane = size * size;
    CounterRandom noise = new CounterRandom(clip.noiseSeed(), Double.doubleToLongBits(t));
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        // Copies oldest first, the head last; each copy k covers with opacity (k + 1)/(copies + 1).
        double alpha = 0;
        for (int k = 0; k <= copies; k++) {
          double u = (x + 0.5 - xy[k][0]) / side;
          double v = (y + 0.5 - xy[k][1]) / side;
          if (u >= 0 && u < 1 && v >= 0 && v < 1 && inside(shape, u, v)) {
            alpha = (k + 1) / (double) (copies + 1);
          }
        }
        int jitter = noise.nextInt(9) - 4;
        for (int c = 0; c < 3; c++) {
          double value = alpha * rgb[c] + (1 - alpha) * clip.background();
          out[offset + c * plane + y * size + x] =
              (byte) Math.max(0, Math.min(255, (int) Math.round(value) + jitter));
        }
      }
    }
  }

  /** Top-left corner of the shape at time {@code t} (t outside [0, 1] extrapolates the path). */
  private static double[] position(ShapesClip clip, double t, int size) {
    double side = clip.size() * size;
    double travel = clip.travel() * size;
    double free = size - side - travel;
    double across = clip.across() * (size - side);
    double along = clip.start() * Math.max(0, free);
    return switch (clip.motion()) {
      case "right" -> new double[] {along + t * travel, across};
      case "left" -> new double[] {along + (1 - t) * travel, across};
      case "down" -> new double[] {across, along + t * travel};
      case "up" -> new double[] {across, along + (1 - t) * travel};
      default -> throw new IllegalArgumentException("unknown motion " + clip.motion());
    };
  }

  private static boolean inside(int shape, double u, double v) {
    return switch (shape) {
      case 0 -> true; // square
      case 1 -> (u - 0.5) * (u - 0.5) + (v - 0.5) * (v - 0.5) <= 0.25; // circle
      case 2 -> v >= 2 * Math.abs(u - 0.5); // triangle, apex up
      default -> Math.abs(u - 0.5) < 0.18 || Math.abs(v - 0.5) < 0.18; // cross
    };
  }
}
