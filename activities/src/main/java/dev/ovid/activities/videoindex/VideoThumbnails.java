package dev.ovid.activities.videoindex;

import dev.ovid.registry.common.Sha256;
import dev.ovid.registry.objectstore.ObjectStore;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * One small JPEG frame per indexed video, for previews: stored once under its sha256 ({@value
 * #PREFIX}&lt;sha256&gt;.jpg), so equal frames share one object.
 */
public final class VideoThumbnails {
  /** Where thumbnails live in the bucket; the control plane reads them from here. */
  public static final String PREFIX = "video-thumbnails/";

  static final int WIDTH = 160;

  private VideoThumbnails() {}

  /** Stores the frame scaled to {@value #WIDTH} px wide; returns the JPEG's sha256. */
  public static String store(ObjectStore store, BufferedImage frame) {
    byte[] jpeg = jpeg(scale(frame));
    String sha = Sha256.of(jpeg);
    String key = PREFIX + sha + ".jpg";
    if (!store.exists(key)) store.put(key, jpeg);
    return sha;
  }

  static BufferedImage scale(BufferedImage frame) {
    int height = Math.max(1, Math.round((float) frame.getHeight() * WIDTH / frame.getWidth()));
    BufferedImage out = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(frame, 0, 0, WIDTH, height, null);
    g.dispose();
    return out;
  }

  static byte[] jpeg(BufferedImage image) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (!ImageIO.write(image, "jpg", out)) throw new IOException("no JPEG writer");
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
