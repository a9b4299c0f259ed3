package dev.ovid.activities.training;

import dev.ovid.activities.ingestion.video.DecodedVideo;
import dev.ovid.activities.ingestion.video.FrameCache;
import dev.ovid.activities.ingestion.video.LoaderSettings;
import dev.ovid.activities.ingestion.video.ManifestVideoLoader;
import dev.ovid.activities.ingestion.video.PrefetchingReader;
import dev.ovid.activities.worker.WorkerSettings;
import dev.ovid.registry.common.IntegrityException;
import dev.ovid.registry.common.Sha256;
import dev.ovid.registry.dataset.manifest.DatasetManifest;
import dev.ovid.registry.dataset.manifest.ManifestEntry;
import dev.ovid.registry.objectstore.ObjectStore;
import dev.ovid.registry.objectstore.S3Location;
import dev.ovid.workflows.common.ObjectRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a dataset version's manifest (checking its sha256) and opens streaming readers over one
 * split's videos: decoded on {@code ovid.loader.decode-threads} threads, at most {@code
 * ovid.loader.prefetch} held at once, never the whole split.
 */
@ApplicationScoped
public class DatasetVersionReader {
  @Inject ObjectStore store;
  @Inject WorkerSettings worker;
  @Inject LoaderSettings loader;

  public List<ManifestEntry> entries(ObjectRef manifest, String split) {
    S3Location location = S3Location.parse(manifest.uri());
    ObjectStore source =
        location.bucket().equals(store.bucket()) ? store : store.withBucket(location.bucket());
    byte[] bytes = source.getBytes(location.key());
    String actual = Sha256.of(bytes);
    if (!actual.equals(manifest.sha256())) {
      throw new IntegrityException(
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
   * A prefetching reader of {@code entries} by index. {@code withSynthetic} adds machine-given
   * labels to the human ones (training does; evaluation never does). Close it when done.
   */
  public PrefetchingReader<DecodedVideo> open(
      List<ManifestEntry> entries, int frames, int imageSize, boolean withSynthetic) {
    ManifestVideoLoader videos = videoLoader(frames, imageSize);
    List<ManifestEntry> list = List.copyOf(entries);
    return new PrefetchingReader<>(
        i -> videos.decode(list.get(i), withSynthetic), loader.decodeThreads(), loader.prefetch());
  }

  ManifestVideoLoader videoLoader(int frames, int imageSize) {
    Path cache = Path.of(worker.cacheDir());
    return new ManifestVideoLoader(
        store,
        cache.resolve("videos"),
        frames,
        imageSize,
        loader.frameCache() ? new FrameCache(cache.resolve("frames")) : null);
  }
}
