package dev.ovid.activities.ingestion.video;

import dev.ovid.registry.dataset.manifest.ManifestEntry;
import dev.ovid.registry.objectstore.ObjectStore;
import dev.ovid.registry.objectstore.S3Location;
import dev.ovid.workflows.common.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns one manifest entry into model input: fetches the video from the object store (or disk) into
 * a local cache keyed by sha256, samples F frames and crops them to the model's size as uint8. With
 * a {@link FrameCache}, decoded frames are kept on disk by sha256 and reused. Thread-safe: {@link
 * PrefetchingReader} calls it from several threads. Never holds more than one video.
 */
public final class ManifestVideoLoader {
  private final ObjectStore store;
  private final Path cache;
  private final VideoFrameSampler sampler;
  private final ClipPreprocessor preprocessor;
  private final FrameCache frames;
  private final int frameCount;

  /**
   * @param store where s3:// videos come from (may be null when every entry is a local file)
   * @param cache local folder of downloaded videos
   * @param frameCache decoded frames on disk; null decodes every time
   */
  public ManifestVideoLoader(
      ObjectStore store, Path cache, int frames, int imageSize, FrameCache frameCache) {
    this.store = store;
    this.cache = cache;
    this.sampler = new VideoFrameSampler(frames);
    this.preprocessor = new ClipPreprocessor(imageSize, false);
    this.frames = frameCache;
    this.frameCount = frames;
  }

  /** Bytes of one decoded video: F × 3 × S × S. */
  public int pixelsPerVideo() {
    return frameCount * 3 * preprocessor.size() * preprocessor.size();
  }

  /**
   * Decodes {@code entry} with its human labels, and with {@code withSynthetic} also the labels a
   * machine added (training uses them; evaluation never does).
   *
   * @throws BadInputException when the video is missing or does not decode (non-retryable)
   */
  public DecodedVideo decode(ManifestEntry entry, boolean withSynthetic) {
    var labels = withSynthetic ? entry.allLabels() : entry.labels();
    String key =
        frames == null || entry.sha256() == null
            ? null
            : FrameCache.key(entry.sha256(), frameCount, preprocessor.size());
    if (key != null) {
      var cached = frames.get(key, pixelsPerVideo());
      if (cached.isPresent()) return new DecodedVideo(entry.id(), cached.get(), labels);
    }
    byte[] pixels;
    try {
      pixels = preprocessor.toBytes(sampler.sample(localCopy(entry)));
    } catch (VideoDecodeException e) {
      throw new BadInputException(
          "video " + entry.id() + " (" + entry.uri() + ") does not decode: " + e.getMessage(), e);
    }
    if (key != null) frames.put(key, pixels);
    return new DecodedVideo(entry.id(), pixels, labels);
  }

  private Path localCopy(ManifestEntry entry) {
    if (!entry.uri().startsWith("s3://")) {
      Path local = Path.of(entry.uri());
      if (!Files.isRegularFile(local)) {
        throw new BadInputException("video " + entry.id() + ": no such file " + local);
      }
      return local;
    }
    S3Location location = S3Location.parse(entry.uri());
    String name =
        entry.sha256() != null ? entry.sha256() : Integer.toHexString(entry.uri().hashCode());
    Path target = cache.resolve(location.bucket()).resolve(name + suffix(location.key()));
    if (Files.isRegularFile(target)) return target;
    ObjectStore source =
        location.bucket().equals(store.bucket()) ? store : store.withBucket(location.bucket());
    // Atomic and verified against the manifest's sha256: a cached file is always whole.
    source.download(location.key(), target, entry.sha256());
    return target;
  }

  private static String suffix(String key) {
    int dot = key.lastIndexOf('.');
    return dot >= 0 && dot > key.lastIndexOf('/') ? key.substring(dot) : "";
  }
}
