package dev.ovid.activities.curation.annotations;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/** The public annotation formats Ovid reads, by the name the command line uses. */
public enum AnnotationFormat {
  KINETICS("kinetics", KineticsAnnotations::new),
  ACTIVITYNET("activitynet", ActivityNetAnnotations::new),
  TAO("tao", TaoAnnotations::new),
  RAREACT("rareact", RareActAnnotations::new),
  YT8M_SEGMENTS("yt8m-segments", Yt8mSegmentAnnotations::new);

  private final String cliName;
  private final Supplier<AnnotationReader> reader;

  AnnotationFormat(String cliName, Supplier<AnnotationReader> reader) {
    this.cliName = cliName;
    this.reader = reader;
  }

  public String cliName() {
    return cliName;
  }

  AnnotationReader reader() {
    return reader.get();
  }

  public static List<String> names() {
    return Arrays.stream(values()).map(AnnotationFormat::cliName).toList();
  }

  public static AnnotationFormat named(String name) {
    return Arrays.stream(values())
        .filter(f -> f.cliName.equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown annotation format '" + name + "' (one of " + names() + ")"));
  }
}
