package dev.ovid.activities.curation.annotations;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kinetics-400/600/700 CSV: {@code label,youtube_id,time_start,time_end,split}. A clip is named as
 * the dataset's downloaders name it, {@code <youtube_id>_<start:06d>_<end:06d>}; a clip listed
 * under several labels gets them all. Test files without labels are not annotations and fail.
 */
final class KineticsAnnotations implements AnnotationReader {
  static final List<String> COLUMNS =
      List.of("label", "youtube_id", "time_start", "time_end", "split");

  @Override
  public List<AnnotatedVideo> read(Path file) throws IOException {
    Map<String, AnnotatedVideo> byClip = new LinkedHashMap<>();
    CsvRows.read(
        file,
        COLUMNS,
        row -> {
          String label = row.text("label");
          String youtubeId = row.text("youtube_id");
          int start = row.integer("time_start");
          int end = row.integer("time_end");
          if (end <= start) {
            throw new AnnotationFormatException(
                row.file(), row.line(), "time_end " + end + " is not after time_start " + start);
          }
          String clip = String.format("%s_%06d_%06d", youtubeId, start, end);
          String split = row.text("split");
          byClip.merge(
              clip, new AnnotatedVideo(clip, List.of(label), split), (a, b) -> withLabel(a, label));
        });
    return new ArrayList<>(byClip.values());
  }

  static AnnotatedVideo withLabel(AnnotatedVideo v, String label) {
    if (v.labels().contains(label)) {
      return v;
    }
    List<String> labels = new ArrayList<>(v.labels());
    labels.add(label);
    return new AnnotatedVideo(v.id(), labels, v.split());
  }
}
