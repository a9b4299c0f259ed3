package dev.ovid.web.ui.vocabularies;

import dev.ovid.registry.vocabulary.Vocabulary;
import dev.ovid.registry.vocabulary.VocabularyVersion;
import dev.ovid.registry.vocabulary.VocabularyVersions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every vocabulary as the UI lists it: label count, latest published version and whether the draft
 * holds changes not published yet. Read in a few grouped queries, not one per vocabulary.
 */
@ApplicationScoped
public class VocabularyRows {
  @Inject VocabularyVersions versions;

  /** One vocabulary's line; {@code published} is null when it was never published. */
  public record Row(
      long id,
      String name,
      String description,
      int revision,
      long labels,
      Integer published,
      boolean unpublishedChanges,
      Instant updatedAt) {

    /** Whether {@code text} (any case) occurs in the name or the description; blank matches. */
    public boolean matches(String text) {
      if (text == null || text.isBlank()) return true;
      String needle = text.trim().toLowerCase(Locale.ROOT);
      return name.toLowerCase(Locale.ROOT).contains(needle)
          || (description != null && description.toLowerCase(Locale.ROOT).contains(needle));
    }
  }

  /** All vocabularies by name (case-insensitive). */
  @Transactional
  public List<Row> list() {
    Map<Long, Long> counts = new HashMap<>();
    Vocabulary.getEntityManager()
        .createQuery(
            "select l.vocabulary.id, count(l) from Label l group by l.vocabulary.id",
            Object[].class)
        .getResultList()
        .forEach(r -> counts.put((Long) r[0], (Long) r[1]));
    Map<Long, VocabularyVersion> latest = new HashMap<>();
    Vocabulary.getEntityManager()
        .createQuery(
            "select v from VocabularyVersion v where v.version = (select max(x.version)"
                + " from VocabularyVersion x where x.vocabulary = v.vocabulary)",
            VocabularyVersion.class)
        .getResultList()
        .forEach(v -> latest.put(v.vocabulary.id, v));
    return Vocabulary.<Vocabulary>listAll().stream()
        .map(
            v -> {
              VocabularyVersion published = latest.get(v.id);
              // Every draft change moves updatedAt: only a draft touched since publishing is
              // diffed.
              boolean changed =
                  published == null
                      || (v.updatedAt.isAfter(published.publishedAt)
                          && versions.draftChanged(v.name));
              return new Row(
                  v.id,
                  v.name,
                  v.description,
                  v.version,
                  counts.getOrDefault(v.id, 0L),
                  published == null ? null : published.version,
                  changed,
                  v.updatedAt);
            })
        .sorted((a, b) -> a.name().compareToIgnoreCase(b.name()))
        .toList();
  }
}
