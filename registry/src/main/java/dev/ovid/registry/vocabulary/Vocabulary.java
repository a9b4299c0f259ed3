package dev.ovid.registry.vocabulary;

import dev.ovid.registry.common.OvidEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** A named set of labels the model can be trained and queried with. */
@Entity
@Table(name = "vocabulary")
public class Vocabulary extends OvidEntity {
  @Column(nullable = false, unique = true, length = 200)
  public String name;

  @Column(columnDefinition = "text")
  public String description;

  /** Incremented on every change to the vocabulary or its labels. */
  @Column(nullable = false)
  public int version;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  public static Optional<Vocabulary> findByName(String name) {
    return find("name", name).firstResultOptional();
  }
}
