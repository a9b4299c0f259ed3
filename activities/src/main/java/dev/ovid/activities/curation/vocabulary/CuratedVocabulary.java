package dev.ovid.activities.curation.vocabulary;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The labels curation kept, in the order of their original Index; a label's new index is its
 * position in {@link #labels()}. {@code sourceIndices} holds every Index of the original
 * vocabulary, so readers can tell a label that curation removed from one that never existed.
 */
public record CuratedVocabulary(List<VocabularyEntry> labels, BitSet sourceIndices) {

  public CuratedVocabulary {
    labels = List.copyOf(labels);
    sourceIndices = (BitSet) sourceIndices.clone();
  }

  public int size() {
    return labels.size();
  }

  /** Original YouTube-8M Index to new, dense index. */
  public Map<Integer, Integer> originalToNew() {
    Map<Integer, Integer> map = new HashMap<>(labels.size() * 2);
    for (int i = 0; i < labels.size(); i++) {
      map.put(labels.get(i).index(), i);
    }
    return map;
  }

  public List<String> names() {
    return labels.stream().map(VocabularyEntry::name).toList();
  }

  @Override
  public BitSet sourceIndices() {
    return (BitSet) sourceIndices.clone();
  }
}
