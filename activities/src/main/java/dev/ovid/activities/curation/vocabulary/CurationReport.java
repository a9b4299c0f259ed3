package dev.ovid.activities.curation.vocabulary;

import java.util.List;
import java.util.Map;

/**
 * What curation did, for people and for lineage: stored as JSON next to the curated vocabulary.
 *
 * @param source the vocabulary file read
 * @param rules the rules applied
 * @param input data rows read
 * @param kept labels kept
 * @param removed labels removed per reason ({@link RemovalReason#key()}); each removed label is
 *     counted once, under the first rule that removed it (see {@link CurationRules})
 * @param matchedByRule input rows each single rule matches on its own, overlaps included (e.g.
 *     {@code excluded_vertical=Games}: every row with Games in Vertical1, 2 or 3)
 * @param removedByVertical removed labels per vertical value (a label counts once under each
 *     distinct vertical it has; labels without verticals under "(none)")
 * @param removedNames names of removed labels per reason (unnamed labels as their KG id)
 * @param keptByInclude include-listed labels that some rule would otherwise have removed
 * @param unmatchedListEntries include/exclude entries that matched no row (likely typos)
 * @param smallestKeptTrainVideoCount the lowest TrainVideoCount among kept labels (0 if none)
 */
public record CurationReport(
    String source,
    CurationRules rules,
    long input,
    int kept,
    Map<String, Integer> removed,
    Map<String, Integer> matchedByRule,
    Map<String, Integer> removedByVertical,
    Map<String, List<String>> removedNames,
    List<String> keptByInclude,
    List<String> unmatchedListEntries,
    long smallestKeptTrainVideoCount) {

  /** All removed labels. */
  public int removedTotal() {
    return removed.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Removed labels for one reason. */
  public int removed(RemovalReason reason) {
    return removed.getOrDefault(reason.key(), 0);
  }
}
