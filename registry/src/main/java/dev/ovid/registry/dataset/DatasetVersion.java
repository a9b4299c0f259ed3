package dev.ovid.registry.dataset;

import dev.ovid.registry.common.OvidEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import org.hibernate.annotations.Immutable;

/**
 * An immutable, content-addressed version of a dataset: the manifest's sha256 identifies it, and
 * the database rejects UPDATE and DELETE on its table.
 */
@Entity
@Table(name = "dataset_version")
@Immutable
public class DatasetVersion extends OvidEntity {
  @Column(name = "dataset_name", nullable = false, length = 200)
  public String datasetName;

  /** 1, 2, 3... per dataset name. */
  @Column(nullable = false)
  public int version;

  @Column(name = "manifest_uri", nullable = false, length = 1000)
  public String manifestUri;

  @Column(name = "manifest_sha256", nullable = false, unique = true, length = 64)
  public String manifestSha256;

  @Column(name = "video_count", nullable = false)
  public int videoCount;

  @Column(name = "label_count", nullable = false)
  public int labelCount;

  @Column(name = "source_description", columnDefinition = "text")
  public String sourceDescription;

  @Column(name = "curation_config_json", columnDefinition = "text")
  public String curationConfigJson;

  @Column(name = "curation_report_uri", length = 1000)
  public String curationReportUri;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  public static Optional<DatasetVersion> findBySha256(String sha256) {
    return find("manifestSha256", sha256).firstResultOptional();
  }

  public static Optional<DatasetVersion> findVersion(String datasetName, int version) {
    return find("datasetName = ?1 and version = ?2", datasetName, version).firstResultOptional();
  }

  public static Optional<DatasetVersion> latest(String datasetName) {
    return find("datasetName = ?1 order by version desc", datasetName).firstResultOptional();
  }
}
