package dev.ovid.registry.dataset.manifest;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What changed between two dataset versions: videos and labels added and removed, and videos whose
 * labels (human or synthetic), split or content changed.
 */
public record DatasetDiff(
    Set<String> videosAdded,
    Set<String> videosRemoved,
    Set<String> videosChanged,
    Set<String> labelsAdded,
    Set<String> labelsRemoved) {

  public static DatasetDiff between(List<ManifestEntry> before, List<ManifestEntry> after) {
    Map<String, ManifestEntry> a = byId(before);
    Map<String, ManifestEntry> b = byId(after);
    Set<String> added = minus(b.keySet(), a.keySet());
    Set<String> removed = minus(a.keySet(), b.keySet());
    Set<String> changed = new TreeSet<>();
    for (String id : b.keySet()) {
      ManifestEntry old = a.get(id);
      ManifestEntry now = b.get(id);
      if (old != null
          && (!Set.copyOf(old.labels()).equals(Set.copyOf(now.labels()))
              || !java.util.Objects.equals(old.sha256(), now.sha256())
              || !old.split().equals(now.split())
              || !Set.copyOf(old.synthetic()).equals(Set.copyOf(now.synthetic())))) {
        changed.add(id);
      }
    }
    Set<String> labelsBefore = labels(before);
    Set<String> labelsAfter = labels(after);
    return new DatasetDiff(
        added,
        removed,
        changed,
        minus(labelsAfter, labelsBefore),
        minus(labelsBefore, labelsAfter));
  }

  public boolean isEmpty() {
    return videosAdded.isEmpty()
        && videosRemoved.isEmpty()
        && videosChanged.isEmpty()
        && labelsAdded.isEmpty()
        && labelsRemoved.isEmpty();
  }

  private static Map<String, ManifestEntry> byId(List<ManifestEntry> entries) {
    return entries.stream().collect(Collectors.toMap(ManifestEntry::id, Function.identity()));
  }

  private static Set<String> labels(List<ManifestEntry> entries) {
    Set<String> out = new TreeSet<>();
    entries.forEach(e -> out.addAll(e.labels()));
    return out;
  }

  private static Set<String> minus(Set<String> x, Set<String> y) {
    Set<String> out = new TreeSet<>(x);
    out.removeAll(y);
    return out;
  }
}
