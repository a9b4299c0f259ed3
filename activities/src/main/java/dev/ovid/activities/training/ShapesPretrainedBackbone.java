package dev.ovid.activities.training;

import dev.ovid.model.core.FileTrees;
import dev.ovid.model.core.TinyClipSpec;
import dev.ovid.model.shapes.ClipPretraining;
import dev.ovid.model.shapes.Pretraining;
import dev.ovid.model.shapes.ShapesWorld;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The {@code shapes-pretrained} backbone: a tiny CLIP pretrained contrastively on single frames and
 * captions of the generated shapes world ({@link ClipPretraining}, the same recipe as the shapes
 * experiment, shorter), deterministically from the run's seed, then frozen by the model like any
 * downloaded CLIP.
 *
 * <p>The result is cached on the worker's disk under a name derived from everything that decides it
 * (recipe version, CLIP shape, pretraining settings, seed): pretraining is deterministic and takes
 * seconds, so a worker that lacks it rebuilds the same model, and the run's recorded spec (backbone
 * name and seed) is a complete description of its backbone without an object to ship.
 */
final class ShapesPretrainedBackbone {
  /** Changes whenever the recipe does, so a cache never serves a CLIP made by an older one. */
  static final String RECIPE = "shapes-pretrained/v1";

  /** Width 32, 4 layers (T up to 3), 32 px frames in 8 px patches, 32-d joint space. */
  static final TinyClipSpec CLIP = new TinyClipSpec(32, 4, 4, 64, 32, 8, 32, 32);

  private static final Logger LOG = Logger.getLogger(ShapesPretrainedBackbone.class);
  private static final Map<String, Object> LOCKS = new ConcurrentHashMap<>();

  /** Where the CLIP came from: the cache, or a pretraining this call ran. */
  record Prepared(Path clipDir, boolean pretrained) {}

  private ShapesPretrainedBackbone() {}

  /** 200 steps of 32 frames: enough for the demo to transfer, a few seconds on a laptop. */
  static ClipPretraining.Settings settings(long seed) {
    return new ClipPretraining.Settings(200, 32, 2e-3f, 14f, seed);
  }

  /**
   * The cache folder's name for {@code seed}: a digest of the recipe, the CLIP's shape, the
   * settings, the seed and the bytecode of the code that pretrains (so a changed {@link
   * ClipPretraining}, {@link Pretraining} or {@link ShapesWorld} never reuses a CLIP the old code
   * made).
   */
  static String key(long seed) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((RECIPE + " " + CLIP + " " + settings(seed)).getBytes(StandardCharsets.UTF_8));
      for (Class<?> code : List.of(ClipPretraining.class, Pretraining.class, ShapesWorld.class)) {
        sha.update(bytecode(code));
      }
      return "clip-shapes-" + HexFormat.of().formatHex(sha.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] bytecode(Class<?> code) {
    String resource = code.getSimpleName() + ".class";
    try (InputStream in = code.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("cannot read " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** The pretrained CLIP folder for {@code seed} under {@code cacheDir}, pretrained if missing. */
  static Prepared clipDir(long seed, Path cacheDir) {
    String key = key(seed);
    Path target = cacheDir.resolve(key);
    synchronized (LOCKS.computeIfAbsent(key, k -> new Object())) {
      if (Files.isRegularFile(target.resolve("model.safetensors"))) {
        return new Prepared(target, false);
      }
      try {
        Files.createDirectories(cacheDir);
        // Pretrain beside the target and move it in whole: another worker process sharing the
        // cache sees either nothing or the finished folder.
        Path scratch = Files.createTempDirectory(cacheDir, key + ".tmp");
        try {
          long started = System.nanoTime();
          ClipPretraining.Report report =
              ClipPretraining.pretrain(
                  CLIP, settings(seed), scratch.resolve("clip"), line -> LOG.debug(line.strip()));
          LOG.infof(
              "pretrained the shapes CLIP %s (seed %d) in %.1f s: loss %.3f -> %.3f, frame ->"
                  + " entity zero-shot accuracy %.2f",
              key,
              seed,
              (System.nanoTime() - started) / 1e9,
              report.firstLoss(),
              report.lastLoss(),
              report.zeroShotAccuracy());
          try {
            Files.move(scratch.resolve("clip"), target, StandardCopyOption.ATOMIC_MOVE);
          } catch (IOException e) {
            if (!Files.isRegularFile(target.resolve("model.safetensors"))) {
              throw e;
            }
          }
          return new Prepared(target, true);
        } finally {
          FileTrees.delete(scratch);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot pretrain the shapes CLIP into " + target, e);
      }
    }
  }
}
