package dev.ovid.registry.vocabulary;

import dev.ovid.registry.common.OvidEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** One label of a vocabulary; names are unique within their vocabulary. */
@Entity
@Table(name = "label")
public class Label extends OvidEntity {
  @ManyToOne(optional = false)
  @JoinColumn(name = "vocabulary_id")
  public Vocabulary vocabulary;

  @Column(nullable = false, length = 500)
  public String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  public Provenance provenance;

  /** Free text: "ui", "youtube8m", "expansion:&lt;run id&gt;"... */
  @Column(length = 500)
  public String source;

  /** Confidence of a synthetic label; null for human ones. */
  public Double score;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  public LabelKind kind = LabelKind.OTHER;

  @Column(columnDefinition = "text")
  public String description;

  /** A JSON array of strings, or null. */
  @Column(name = "synonyms_json", columnDefinition = "text")
  public String synonymsJson;

  public List<String> synonyms() {
    return LabelSynonyms.read(synonymsJson);
  }

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  public static List<Label> ofVocabulary(Vocabulary vocabulary) {
    return list("vocabulary = ?1 order by name", vocabulary);
  }
}
