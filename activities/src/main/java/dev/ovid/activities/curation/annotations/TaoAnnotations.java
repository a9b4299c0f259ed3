package dev.ovid.activities.curation.annotations;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * TAO (COCO-style JSON): {@code videos[]} ({@code id}, {@code name} such as {@code
 * val/YFCC100M/v_x}), {@code categories[]} ({@code id}, {@code name}) and {@code annotations[]}
 * and/or {@code tracks[]} with {@code video_id} and {@code category_id}. A video's labels are the
 * categories present in it (localization ignored). Its id is its {@code name} (the folder of its
 * frames under the video root); its split is the name's first folder, else the file name.
 */
final class TaoAnnotations implements AnnotationReader {
  @Override
  public List<AnnotatedVideo> read(Path path) throws IOException {
    String file = path.toString();
    JsonNode root = JsonFiles.read(path);
    Map<Long, String> categories = new HashMap<>();
    JsonNode cats = JsonFiles.array(root, "categories", "$", file);
    for (int i = 0; i < cats.size(); i++) {
      String key = "categories[" + i + "]";
      categories.put(
          JsonFiles.id(cats.get(i), "id", key, file),
          JsonFiles.text(cats.get(i), "name", key, file));
    }
    Map<Long, String> names = new LinkedHashMap<>();
    Map<Long, LinkedHashSet<String>> labels = new HashMap<>();
    JsonNode videos = JsonFiles.array(root, "videos", "$", file);
    for (int i = 0; i < videos.size(); i++) {
      String key = "videos[" + i + "]";
      long id = JsonFiles.id(videos.get(i), "id", key, file);
      if (names.put(id, JsonFiles.text(videos.get(i), "name", key, file)) != null) {
        throw new AnnotationFormatException(file, key + ".id", "duplicate video id " + id);
      }
      labels.put(id, new LinkedHashSet<>());
    }
    boolean any = false;
    for (String list : List.of("annotations", "tracks")) {
      if (!root.has(list)) {
        continue;
      }
      any = true;
      JsonNode items = JsonFiles.array(root, list, "$", file);
      for (int i = 0; i < items.size(); i++) {
        String key = list + "[" + i + "]";
        long video = JsonFiles.id(items.get(i), "video_id", key, file);
        long category = JsonFiles.id(items.get(i), "category_id", key, file);
        if (!labels.containsKey(video)) {
          throw new AnnotationFormatException(file, key + ".video_id", "unknown video id " + video);
        }
        String name = categories.get(category);
        if (name == null) {
          throw new AnnotationFormatException(
              file, key + ".category_id", "unknown category id " + category);
        }
        labels.get(video).add(name);
      }
    }
    if (!any) {
      throw new AnnotationFormatException(file, "$", "missing key 'annotations' or 'tracks'");
    }
    String fallbackSplit = path.getFileName().toString().replaceFirst("\\.json$", "");
    List<AnnotatedVideo> out = new ArrayList<>();
    names.forEach(
        (id, name) -> {
          int slash = name.indexOf('/');
          String split = slash > 0 ? name.substring(0, slash) : fallbackSplit;
          out.add(new AnnotatedVideo(name, new ArrayList<>(labels.get(id)), split));
        });
    return out;
  }
}
