package dev.ovid.activities.curation.vocabulary;

/** A curated vocabulary with the report that explains it. */
public record CurationResult(CuratedVocabulary vocabulary, CurationReport report) {}
