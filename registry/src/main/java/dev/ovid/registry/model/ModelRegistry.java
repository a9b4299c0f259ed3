package dev.ovid.registry.model;

import static dev.ovid.registry.audit.AuditLog.detail;

import dev.ovid.registry.audit.AuditLog;
import dev.ovid.registry.common.ConflictException;
import dev.ovid.registry.common.NotFoundException;
import dev.ovid.registry.common.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Registered model versions and their aliases. Every alias move is audited. */
@ApplicationScoped
public class ModelRegistry {
  private static final Pattern ALIAS = Pattern.compile("[a-z][a-z0-9_-]{0,63}");

  @Inject AuditLog audit;
  @Inject ModelSettings settings;

  /** The configured registered model's name ("ovid"). */
  public String modelName() {
    return settings.name();
  }

  /** {@link #resolve(String, String)} on the configured model. */
  @Transactional
  public ModelVersion resolve(String aliasOrVersion) {
    return resolve(modelName(), aliasOrVersion);
  }

  /** All versions of a model, newest first. */
  @Transactional
  public List<ModelVersion> versions(String modelName) {
    List<ModelVersion> versions =
        ModelVersion.list("modelName = ?1 order by version desc", modelName);
    versions.forEach(v -> v.run.id.longValue());
    return versions;
  }

  @Transactional
  public ModelVersion version(String modelName, int version) {
    ModelVersion found =
        ModelVersion.<ModelVersion>find("modelName = ?1 and version = ?2", modelName, version)
            .firstResultOptional()
            .orElseThrow(() -> NotFoundException.of("model version", modelName + "@" + version));
    found.run.id.longValue();
    return found;
  }

  /**
   * The version an alias ("production") or a number ("3") names. An alias nobody set yet is a
   * {@link ConflictException} naming it (e.g. no production model yet); an unknown number a {@link
   * NotFoundException}.
   */
  @Transactional
  public ModelVersion resolve(String modelName, String aliasOrVersion) {
    String ref =
        aliasOrVersion == null || aliasOrVersion.isBlank()
            ? ModelAlias.PRODUCTION
            : aliasOrVersion.trim();
    if (ref.chars().allMatch(Character::isDigit)) {
      return version(modelName, Integer.parseInt(ref));
    }
    if (!ALIAS.matcher(ref).matches()) {
      throw new ValidationException("model '" + ref + "' is neither a version number nor an alias");
    }
    ModelAlias alias =
        ModelAlias.find(modelName, ref)
            .orElseThrow(
                () ->
                    ModelAlias.PRODUCTION.equals(ref)
                        ? new ConflictException(
                            "no production model yet: promote a model version to production first")
                        : new NotFoundException(
                            "model alias '" + ref + "' is not set on model '" + modelName + "'"));
    alias.modelVersion.run.id.longValue();
    return alias.modelVersion;
  }

  /** The aliases that point at {@code version} now. */
  @Transactional
  public List<String> aliasesOf(long modelVersionId) {
    return ModelAlias.<ModelAlias>list("modelVersion.id = ?1 order by alias", modelVersionId)
        .stream()
        .map(a -> a.alias)
        .toList();
  }

  @Transactional
  public Optional<ModelVersion> aliased(String modelName, String alias) {
    return ModelAlias.find(modelName, alias).map(a -> a.modelVersion);
  }

  /** Points {@code alias} at the version (idempotent), audited with the version it moved from. */
  @Transactional
  public ModelAlias setAlias(long modelVersionId, String alias, String actor, String comment) {
    if (alias == null || !ALIAS.matcher(alias).matches()) {
      throw new ValidationException(
          "alias '" + alias + "' must be lower-case letters, digits, - or _");
    }
    ModelVersion version = ModelVersion.findById(modelVersionId);
    if (version == null) throw NotFoundException.of("model version", modelVersionId);
    ModelAlias row = ModelAlias.find(version.modelName, alias).orElse(null);
    Integer previous = row == null ? null : row.modelVersion.version;
    if (row != null && row.modelVersion.id.equals(version.id)) return row;
    if (row == null) {
      row = new ModelAlias();
      row.modelName = version.modelName;
      row.alias = alias;
    }
    row.modelVersion = version;
    row.updatedBy = ValidationException.requireText("actor", actor);
    row.updatedAt = Instant.now();
    row.persist();
    audit.record(
        actor,
        "model.alias-set",
        "model-version",
        version.id,
        detail(
            "model",
            version.modelName,
            "alias",
            alias,
            "version",
            version.version,
            "previousVersion",
            previous,
            "comment",
            comment));
    return row;
  }

  /** The calibrated decision threshold of a version: its evaluation's peak-F1 threshold. */
  @Transactional
  public Optional<Double> threshold(long modelVersionId) {
    return Evaluation.<Evaluation>find("modelVersion.id = ?1 order by id desc", modelVersionId)
        .firstResultOptional()
        .map(e -> e.peakF1Threshold);
  }
}
