package dev.ovid.activities.curation.annotations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The videos of one annotation file, in file order, with the counts a person checks first. */
public record Annotations(String source, List<AnnotatedVideo> videos) {
  public static final List<String> VIDEO_EXTENSIONS = List.of(".mp4", ".mkv", ".webm", ".avi");

  public Annotations {
    videos = List.copyOf(videos);
  }

  /** Distinct label names, in first-seen order. */
  public List<String> labels() {
    Set<String> out = new LinkedHashSet<>();
    videos.forEach(v -> out.addAll(v.labels()));
    return List.copyOf(out);
  }

  /** Distinct (video, label) pairs. */
  public long positives() {
    long n = 0;
    for (AnnotatedVideo v : videos) {
      n += new LinkedHashSet<>(v.labels()).size();
    }
    return n;
  }

  /** Videos per split, by split name. */
  public Map<String, Integer> splits() {
    Map<String, Integer> out = new TreeMap<>();
    videos.forEach(v -> out.merge(v.split(), 1, Integer::sum));
    return out;
  }

  /**
   * The ids with neither a file {@code <root>/<id><ext>} for any of {@link #VIDEO_EXTENSIONS} nor a
   * folder of frames {@code <root>/<id>} (TAO), in file order. Missing videos are expected (public
   * datasets lose videos as uploads vanish): they are counted and listed, never fatal.
   */
  public List<String> missingVideos(Path root) {
    List<String> missing = new ArrayList<>();
    for (AnnotatedVideo v : videos) {
      boolean found = Files.isDirectory(root.resolve(v.id()));
      for (String ext : VIDEO_EXTENSIONS) {
        if (Files.isRegularFile(root.resolve(v.id() + ext))) {
          found = true;
          break;
        }
      }
      if (!found) {
        missing.add(v.id());
      }
    }
    return missing;
  }

  /** The summary line of {@code annotations inspect --json}. */
  public Map<String, Object> summary() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("videos", videos.size());
    out.put("labels", labels().size());
    out.put("positives", positives());
    out.put("splits", splits());
    return out;
  }

  /** Reads {@code file} in {@code format}. */
  public static Annotations read(AnnotationFormat format, Path file) {
    if (!Files.isRegularFile(file)) {
      throw new AnnotationFormatException(file.toString(), "file", "no such file");
    }
    try {
      return new Annotations(file.toString(), format.reader().read(file));
    } catch (IOException e) {
      throw new AnnotationFormatException(
          file.toString(), "file", "unreadable: " + e.getMessage(), e);
    }
  }
}
