package dev.ovid.registry.dataset;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/**
 * The {@code ovid.datasets.*} keys: where dataset sources may live. Defaults and docs in
 * META-INF/microprofile-config.properties.
 */
@ConfigMapping(prefix = "ovid.datasets")
public interface SourceLocationSettings {
  /** Buckets whose s3:// objects a source may name. */
  Optional<List<String>> allowedBuckets();

  /** Folders under which a source may name local files (absolute paths). */
  Optional<List<String>> dataRoots();
}
