package dev.ovid.registry.vocabulary;

import dev.ovid.registry.common.OvidEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A published, immutable label set of a vocabulary (the database refuses updates). Its labels are
 * rows of {@link VocabularyVersionLabel} and a JSON object stored under its sha256.
 */
@Entity
@Table(name = "vocabulary_version")
public class VocabularyVersion extends OvidEntity {
  @ManyToOne(optional = false)
  @JoinColumn(name = "vocabulary_id")
  public Vocabulary vocabulary;

  @Column(nullable = false)
  public int version;

  @Column(name = "label_count", nullable = false)
  public int labelCount;

  @Column(name = "object_uri", nullable = false, length = 1000)
  public String objectUri;

  @Column(nullable = false, length = 64)
  public String sha256;

  @Column(columnDefinition = "text")
  public String comment;

  @Column(name = "published_by", nullable = false, length = 200)
  public String publishedBy;

  @Column(name = "published_at", nullable = false)
  public Instant publishedAt;

  /** "name@version", as runs, expansions and classifications show it. */
  public String ref() {
    return vocabulary.name + "@" + version;
  }

  public static List<VocabularyVersion> ofVocabulary(Vocabulary vocabulary) {
    return list("vocabulary = ?1 order by version desc", vocabulary);
  }

  public static Optional<VocabularyVersion> latest(Vocabulary vocabulary) {
    return find("vocabulary = ?1 order by version desc", vocabulary).firstResultOptional();
  }

  public static Optional<VocabularyVersion> find(Vocabulary vocabulary, int version) {
    return find("vocabulary = ?1 and version = ?2", vocabulary, version).firstResultOptional();
  }
}
