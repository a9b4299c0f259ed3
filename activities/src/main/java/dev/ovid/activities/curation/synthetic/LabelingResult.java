package dev.ovid.activities.curation.synthetic;

import java.util.List;

/** Labels mapped onto the vocabulary, and the answers that matched no vocabulary label. */
public record LabelingResult(List<SyntheticLabel> labels, List<String> unmatched) {}
