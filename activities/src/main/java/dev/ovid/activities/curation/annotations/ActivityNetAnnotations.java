package dev.ovid.activities.curation.annotations;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * ActivityNet v1.3 JSON: {@code database} maps each YouTube id to {@code subset} (training,
 * validation, testing) and {@code annotations[]} of {@code {segment, label}}. A video's labels are
 * its segments' labels (localization ignored, as in the paper); testing videos have none.
 */
final class ActivityNetAnnotations implements AnnotationReader {
  @Override
  public List<AnnotatedVideo> read(Path path) throws IOException {
    String file = path.toString();
    JsonNode root = JsonFiles.read(path);
    JsonNode database = JsonFiles.field(root, "database", "$", file);
    if (!database.isObject()) {
      throw new AnnotationFormatException(file, "database", "expected an object of videos");
    }
    List<AnnotatedVideo> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : database.properties()) {
      String key = "database." + e.getKey();
      JsonNode video = e.getValue();
      if (!video.isObject()) {
        throw new AnnotationFormatException(file, key, "expected an object");
      }
      String subset = JsonFiles.text(video, "subset", key, file);
      JsonNode annotations = JsonFiles.array(video, "annotations", key, file);
      LinkedHashSet<String> labels = new LinkedHashSet<>();
      for (int i = 0; i < annotations.size(); i++) {
        labels.add(
            JsonFiles.text(annotations.get(i), "label", key + ".annotations[" + i + "]", file));
      }
      out.add(new AnnotatedVideo(e.getKey(), new ArrayList<>(labels), subset));
    }
    return out;
  }
}
