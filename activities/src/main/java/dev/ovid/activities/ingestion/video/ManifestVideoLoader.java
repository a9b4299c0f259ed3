package dev.ovid.activities.ingestion.video;

import dev.ovid.registry.dataset.manifest.ManifestEntry;
import dev.ovid.registry.objectstore.ObjectStore;
import dev.ovid.registry.objectstore.S3Location;
import dev.ovid.workflows.common.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Loads a manifest's videos as model input: fetches each from the object store (or disk) into a
 * local cache keyed by sha256, samples F frames and preprocesses them for CLIP.
 */
public final class ManifestVideoLoader {
  /** Videos that were left out under {@link UnreadableVideoPolicy#SKIP}, with the reasons. */
  public record Skipped(String uri, String reason) {}

  public record Result(List<DecodedVideo> videos, List<Skipped> skipped) {}

  private final ObjectStore store;
  private final Path cache;
  private final VideoFrameSampler sampler;
  private final ClipPreprocessor preprocessor;
  private final UnreadableVideoPolicy policy;

  public ManifestVideoLoader(
      ObjectStore store,
      Path cache,
      int frames,
      int imageSize,
      boolean normalize,
      UnreadableVideoPolicy policy) {
    this.store = store;
    this.cache = cache;
    this.sampler = new VideoFrameSampler(frames);
    this.preprocessor = new ClipPreprocessor(imageSize, normalize);
    this.policy = policy;
  }

  /** Decodes the entries with their human labels (ground truth, e.g. for evaluation). */
  public Result load(List<ManifestEntry> entries, IntConsumer progress) {
    return load(entries, false, progress);
  }

  /** {@code withSynthetic}: also attach machine-given labels (for training on them). */
  public Result load(List<ManifestEntry> entries, boolean withSynthetic, IntConsumer progress) {
    List<DecodedVideo> videos = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      ManifestEntry entry = entries.get(i);
      try {
        Path file = localCopy(entry);
        float[] pixels = preprocessor.toTensor(sampler.sample(file));
        videos.add(
            new DecodedVideo(
                entry.id(), pixels, withSynthetic ? entry.allLabels() : entry.labels()));
      } catch (VideoDecodeException e) {
        if (policy == UnreadableVideoPolicy.FAIL) {
          throw new BadInputException(
              "video " + entry.id() + " (" + entry.uri() + ") does not decode: " + e.getMessage(),
              e);
        }
        skipped.add(new Skipped(entry.uri(), e.getMessage()));
      }
      progress.accept(i + 1);
    }
    return new Result(videos, skipped);
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
