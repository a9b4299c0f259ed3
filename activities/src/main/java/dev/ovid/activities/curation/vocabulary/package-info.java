/**
 * YouTube-8M vocabulary curation: {@link dev.ovid.activities.curation.vocabulary.VocabularyCurator}
 * streams a {@code vocabulary.csv}, applies {@link
 * dev.ovid.activities.curation.vocabulary.CurationRules} and returns the curated labels with a
 * {@link dev.ovid.activities.curation.vocabulary.CurationReport} of what was removed and why. Rules
 * and report serialise to JSON ({@link dev.ovid.activities.curation.vocabulary.CurationJson}) to be
 * stored with a dataset version.
 */
package dev.ovid.activities.curation.vocabulary;
