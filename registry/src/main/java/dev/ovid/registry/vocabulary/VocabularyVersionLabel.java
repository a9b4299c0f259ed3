package dev.ovid.registry.vocabulary;

import dev.ovid.registry.common.OvidEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.List;

/** One label of a published vocabulary version, frozen with it. */
@Entity
@Table(name = "vocabulary_version_label")
public class VocabularyVersionLabel extends OvidEntity {
  @ManyToOne(optional = false)
  @JoinColumn(name = "vocabulary_version_id")
  public VocabularyVersion vocabularyVersion;

  /** Order within the version (by name, case-insensitively). */
  @Column(nullable = false)
  public int position;

  @Column(nullable = false, length = 500)
  public String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  public LabelKind kind;

  @Column(columnDefinition = "text")
  public String description;

  @Column(name = "synonyms_json", columnDefinition = "text")
  public String synonymsJson;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  public Provenance provenance;

  public List<String> synonyms() {
    return LabelSynonyms.read(synonymsJson);
  }

  public static List<VocabularyVersionLabel> of(VocabularyVersion version) {
    return list("vocabularyVersion = ?1 order by position", version);
  }
}
