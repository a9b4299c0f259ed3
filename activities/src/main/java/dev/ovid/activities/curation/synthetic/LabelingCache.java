package dev.ovid.activities.curation.synthetic;

import dev.ovid.registry.common.Json;
import dev.ovid.registry.common.Sha256;
import dev.ovid.registry.objectstore.ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each video's labelling result, stored under the labeler's settings and the video's sha256, so a
 * retried activity (worker crash, timeout) resumes where it stopped instead of asking the labeler
 * again, and gets the same answers: the same manifest, hence the same dataset version.
 */
final class LabelingCache {
  private final ObjectStore store;
  private final String prefix;

  /** {@code settings}: everything that shapes an answer (labeler spec, frames, vocabulary). */
  LabelingCache(
      ObjectStore store,
      String datasetName,
      Map<String, Object> settings,
      List<String> vocabulary) {
    this.store = store;
    String key =
        Sha256.of(
            Json.write(Map.of("labeler", settings, "vocabulary", vocabulary))
                .getBytes(StandardCharsets.UTF_8));
    this.prefix = "datasets/" + datasetName + "/synthetic-cache/" + key + "/";
  }

  Optional<LabelingResult> find(String videoSha256) {
    String key = prefix + videoSha256 + ".json";
    if (videoSha256 == null || !store.exists(key)) return Optional.empty();
    try {
      return Optional.of(Json.mapper().readValue(store.getBytes(key), LabelingResult.class));
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable cached labels " + store.uriOf(key), e);
    }
  }

  void save(String videoSha256, LabelingResult result) {
    if (videoSha256 == null) return;
    store.put(prefix + videoSha256 + ".json", Json.write(result).getBytes(StandardCharsets.UTF_8));
  }
}
