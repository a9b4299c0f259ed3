package dev.ovid.activities.curation.annotations;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RareAct's {@code rareact.csv} ({@code id,video_id,start,end,class_id,verb,noun,annotation}): each
 * row rates one clip for one (verb, noun) class. As in the paper, a clip's labels are the verb, the
 * noun and the unusual pair "{verb} {noun}" as three labels: annotation 1 (positive) gives all
 * three, 2 (only the verb is right) the verb, 3 (only the noun is right) the noun, 4 (both present,
 * verb not applied to noun) the verb and the noun, 0 (negative) none. Clips are named {@code
 * <video_id>_<start>_<end>}; RareAct is a test set, so every clip is in split "test".
 */
final class RareActAnnotations implements AnnotationReader {
  static final List<String> COLUMNS =
      List.of("video_id", "start", "end", "verb", "noun", "annotation");

  @Override
  public List<AnnotatedVideo> read(Path file) throws IOException {
    Map<String, AnnotatedVideo> byClip = new LinkedHashMap<>();
    CsvRows.read(
        file,
        COLUMNS,
        row -> {
          String video = row.text("video_id");
          int start = row.integer("start");
          int end = row.integer("end");
          if (end < start) {
            throw new AnnotationFormatException(
                row.file(), row.line(), "end " + end + " is before start " + start);
          }
          String verb = row.text("verb");
          String noun = row.text("noun");
          int annotation = row.integer("annotation");
          List<String> labels =
              switch (annotation) {
                case 0 -> List.of();
                case 1 -> List.of(verb, noun, verb + " " + noun);
                case 2 -> List.of(verb);
                case 3 -> List.of(noun);
                case 4 -> List.of(verb, noun);
                default ->
                    throw new AnnotationFormatException(
                        row.file(), row.line(), "annotation must be 0 to 4, was " + annotation);
              };
          String clip = video + "_" + start + "_" + end;
          AnnotatedVideo v =
              byClip.computeIfAbsent(clip, id -> new AnnotatedVideo(id, List.of(), "test"));
          for (String label : labels) {
            v = KineticsAnnotations.withLabel(v, label);
          }
          byClip.put(clip, v);
        });
    return new ArrayList<>(byClip.values());
  }
}
