package dev.ovid.web.ui.runs;

import dev.ovid.registry.lineage.RunLineage;

/**
 * Where a run's vocabulary stands today, in published versions (what a later run would train) and
 * the draft's label count; the draft's revision counter is not a version and is not shown.
 */
final class VocabularyNow {
  private VocabularyNow() {}

  static String of(RunLineage.VocabularyInfo v) {
    String draft = "draft " + v.currentLabelCount() + " labels";
    return v.latestPublishedVersion() == null
        ? draft
        : "latest published v" + v.latestPublishedVersion() + ", " + draft;
  }
}
