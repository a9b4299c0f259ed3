package dev.ovid.activities.training;

import dev.ovid.activities.ingestion.video.DecodedVideo;
import dev.ovid.activities.ingestion.video.ManifestVideoLoader;
import dev.ovid.activities.ingestion.video.UnreadableVideoPolicy;
import dev.ovid.registry.dataset.manifest.DatasetManifest;
import dev.ovid.registry.dataset.manifest.ManifestEntry;
import dev.ovid.registry.objectstore.ObjectStore;
import dev.ovid.registry.objectstore.S3Location;
import dev.ovid.workflows.common.ObjectRef;
import io.temporal.activity.Activity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;

/** Reads a dataset version's manifest (checking its sha256) and decodes one split's videos. */
@ApplicationScoped
public class DatasetVersionReader {
  @Inject ObjectStore store;

  @Inject dev.ovid.activities.worker.WorkerSettings worker;

  public List<ManifestEntry> entries(ObjectRef manifest, String split) {
    S3Location location = S3Location.parse(manifest.uri());
    ObjectStore source =
        location.bucket().equals(store.bucket()) ? store : store.withBucket(location.bucket());
    byte[] bytes = source.getBytes(location.key());
    String actual = dev.ovid.registry.common.Sha256.of(bytes);
    if (!actual.equals(manifest.sha256())) {
      throw new dev.ovid.registry.common.IntegrityException(
          "manifest "
              + manifest.uri()
              + " has sha256 "
              + actual
              + ", expected "
              + manifest.sha256());
    }
    return DatasetManifest.read(new ByteArrayInputStream(bytes), manifest.uri()).stream()
        .filter(e -> e.split().equals(split))
        .toList();
  }

  /**
   * Decodes videos, heartbeating {@code heartbeat} (unchanged) as it goes. {@code withSynthetic}
   * adds machine-given labels to the human ones (training does; evaluation never does).
   */
  public List<DecodedVideo> decode(
      List<ManifestEntry> entries,
      int frames,
      int imageSize,
      boolean withSynthetic,
      Object heartbeat) {
    var loader =
        new ManifestVideoLoader(
            store,
            Path.of(worker.cacheDir(), "videos"),
            frames,
            imageSize,
            false,
            UnreadableVideoPolicy.FAIL);
    var context = Activity.getExecutionContext();
    return loader.load(entries, withSynthetic, done -> context.heartbeat(heartbeat)).videos();
  }
}
