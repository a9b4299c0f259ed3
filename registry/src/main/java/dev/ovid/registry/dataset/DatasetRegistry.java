package dev.ovid.registry.dataset;

import static dev.ovid.registry.audit.AuditLog.detail;

import dev.ovid.registry.audit.AuditLog;
import dev.ovid.registry.common.ConflictException;
import dev.ovid.registry.common.Json;
import dev.ovid.registry.common.NotFoundException;
import dev.ovid.registry.common.Sha256;
import dev.ovid.registry.common.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Records immutable dataset versions. Registration is idempotent by manifest sha256, so a retried
 * curation activity gets back the version it registered the first time.
 */
@ApplicationScoped
public class DatasetRegistry {
  @Inject AuditLog audit;

  @Transactional
  public DatasetVersion register(NewDatasetVersion spec, String actor) {
    String name = ValidationException.requireText("datasetName", spec.datasetName());
    String sha = Sha256.require("manifestSha256", spec.manifestSha256());
    ValidationException.requireText("manifestUri", spec.manifestUri());
    if (spec.videoCount() < 0 || spec.labelCount() < 0) {
      throw new ValidationException("videoCount and labelCount must not be negative");
    }
    if (spec.curationConfigJson() != null) {
      Json.readObject(spec.curationConfigJson(), "curationConfigJson");
    }
    var existing = DatasetVersion.findBySha256(sha);
    if (existing.isPresent()) {
      if (!existing.get().datasetName.equals(name)) {
        throw new ConflictException(
            "manifest "
                + sha
                + " is already version "
                + existing.get().version
                + " of dataset '"
                + existing.get().datasetName
                + "'");
      }
      return existing.get();
    }
    DatasetVersion version = new DatasetVersion();
    version.datasetName = name;
    version.version = DatasetVersion.latest(name).map(v -> v.version + 1).orElse(1);
    version.manifestUri = spec.manifestUri();
    version.manifestSha256 = sha;
    version.videoCount = spec.videoCount();
    version.labelCount = spec.labelCount();
    version.sourceDescription = spec.sourceDescription();
    version.curationConfigJson = spec.curationConfigJson();
    version.curationReportUri = spec.curationReportUri();
    version.createdAt = Instant.now();
    version.persist();
    audit.record(
        actor,
        "dataset.version-registered",
        "dataset-version",
        version.id,
        detail(
            "dataset",
            name,
            "version",
            version.version,
            "manifestUri",
            version.manifestUri,
            "manifestSha256",
            sha));
    return version;
  }

  @Transactional
  public DatasetVersion get(long id) {
    DatasetVersion version = DatasetVersion.findById(id);
    if (version == null) {
      throw NotFoundException.of("dataset version", id);
    }
    return version;
  }

  @Transactional
  public DatasetVersion find(String datasetName, int version) {
    return DatasetVersion.findVersion(datasetName, version)
        .orElseThrow(() -> NotFoundException.of("dataset version", datasetName + "@" + version));
  }

  @Transactional
  public DatasetVersion latest(String datasetName) {
    return DatasetVersion.latest(datasetName)
        .orElseThrow(() -> NotFoundException.of("dataset", datasetName));
  }

  /** All versions of all datasets, newest first within each name. */
  @Transactional
  public List<DatasetVersion> list() {
    return DatasetVersion.list("order by datasetName, version desc");
  }
}
