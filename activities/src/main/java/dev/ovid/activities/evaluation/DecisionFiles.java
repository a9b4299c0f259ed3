package dev.ovid.activities.evaluation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * (score, positive) decisions of one split as bytes: a magic, the count, then per decision a
 * float64 score and a byte 0/1. What calibration needs, and nothing about which video or label.
 */
final class DecisionFiles {
  private static final int MAGIC = 0x4f564431; // "OVD1"

  record Decisions(double[] scores, boolean[] positives) {}

  private DecisionFiles() {}

  static byte[] write(double[] scores, boolean[] positives) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(scores.length * 9 + 8);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeInt(scores.length);
      for (int i = 0; i < scores.length; i++) {
        out.writeDouble(scores[i]);
        out.writeByte(positives[i] ? 1 : 0);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static Decisions read(byte[] data, String source) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      if (in.readInt() != MAGIC) {
        throw new IllegalStateException(source + " is not an Ovid decisions file");
      }
      int n = in.readInt();
      double[] scores = new double[n];
      boolean[] positives = new boolean[n];
      for (int i = 0; i < n; i++) {
        scores[i] = in.readDouble();
        positives[i] = in.readByte() == 1;
      }
      return new Decisions(scores, positives);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read decisions " + source, e);
    }
  }
}
