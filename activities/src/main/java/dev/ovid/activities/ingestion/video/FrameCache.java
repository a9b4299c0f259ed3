package dev.ovid.activities.ingestion.video;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Decoded frames on local disk, as raw uint8 [F, 3, S, S], keyed by the sha256 of (the video's
 * sha256, F, S): a video decodes once per sampling, however many epochs or evaluations read it.
 * Files are written whole (temporary file, then an atomic move), so a reader never sees half of
 * one; a file of the wrong length is ignored and rewritten.
 */
public final class FrameCache {
  private static final String FORMAT = "uint8-fchw-v1";

  private final Path dir;

  public FrameCache(Path dir) {
    this.dir = dir;
  }

  /** The cache key of a video's frames: depends on its bytes and on how it was sampled. */
  public static String key(String videoSha256, int frames, int imageSize) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      String id = FORMAT + "/" + videoSha256 + "/" + frames + "/" + imageSize;
      return HexFormat.of().formatHex(sha.digest(id.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  Path file(String key) {
    return dir.resolve(key.substring(0, 2)).resolve(key + ".u8");
  }

  /** The cached frames, if present and of the expected length. */
  public Optional<byte[]> get(String key, int expectedLength) {
    Path file = file(key);
    try {
      if (!Files.isRegularFile(file) || Files.size(file) != expectedLength) return Optional.empty();
      return Optional.of(Files.readAllBytes(file));
    } catch (IOException e) {
      // A cache that cannot be read costs a decode, never a failure.
      return Optional.empty();
    }
  }

  public void put(String key, byte[] pixels) {
    Path file = file(key);
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), key, ".tmp");
      try {
        Files.write(tmp, pixels);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write decoded frames to " + file, e);
    }
  }
}
