package dev.ovid.registry.dataset;

import dev.ovid.registry.common.IntegrityException;
import dev.ovid.registry.common.Json;
import dev.ovid.registry.common.Sha256;
import dev.ovid.registry.dataset.manifest.DatasetDiff;
import dev.ovid.registry.dataset.manifest.DatasetManifest;
import dev.ovid.registry.dataset.manifest.ManifestEntry;
import dev.ovid.registry.objectstore.ObjectStore;
import dev.ovid.registry.objectstore.S3Location;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Reads what a registered dataset version holds: its manifest (sha256-checked) and its report. */
@ApplicationScoped
public class DatasetVersionContents {
  @Inject ObjectStore store;
  @Inject DatasetRegistry datasets;

  public List<ManifestEntry> entries(DatasetVersion version) {
    byte[] bytes = bytes(version.manifestUri);
    String sha = Sha256.of(bytes);
    if (!sha.equals(version.manifestSha256)) {
      throw new IntegrityException(
          "manifest "
              + version.manifestUri
              + " has sha256 "
              + sha
              + ", expected "
              + version.manifestSha256);
    }
    return DatasetManifest.read(new ByteArrayInputStream(bytes), version.manifestUri);
  }

  /** The curation report as JSON; empty when the version has none. */
  public Map<String, Object> report(DatasetVersion version) {
    if (version.curationReportUri == null) return Map.of();
    return Json.readObject(
        new String(bytes(version.curationReportUri), StandardCharsets.UTF_8),
        version.curationReportUri);
  }

  /** What changed from version {@code from} to version {@code to} of one dataset. */
  public DatasetDiff diff(String datasetName, int from, int to) {
    return DatasetDiff.between(
        entries(datasets.find(datasetName, from)), entries(datasets.find(datasetName, to)));
  }

  private byte[] bytes(String uri) {
    S3Location location = S3Location.parse(uri);
    ObjectStore bucket =
        location.bucket().equals(store.bucket()) ? store : store.withBucket(location.bucket());
    return bucket.getBytes(location.key());
  }
}
