package dev.ovid.registry.model;

import dev.ovid.registry.common.OvidEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where an alias of a model (candidate, production) points now; its moves are audited. */
@Entity
@Table(name = "model_alias")
public class ModelAlias extends OvidEntity {
  public static final String CANDIDATE = "candidate";
  public static final String PRODUCTION = "production";

  @Column(name = "model_name", nullable = false, length = 200)
  public String modelName;

  @Column(nullable = false, length = 64)
  public String alias;

  @ManyToOne(optional = false)
  @JoinColumn(name = "model_version_id")
  public ModelVersion modelVersion;

  @Column(name = "updated_by", nullable = false, length = 200)
  public String updatedBy;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  public static Optional<ModelAlias> find(String modelName, String alias) {
    return find("modelName = ?1 and alias = ?2", modelName, alias).firstResultOptional();
  }

  public static List<ModelAlias> of(ModelVersion version) {
    return list("modelVersion = ?1 order by alias", version);
  }
}
