package dev.ovid.web.ui.components;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * The one way Ovid shows a decision threshold or a score: three decimals ({@code 0.400}), and more
 * when three would round a value strictly inside (0, 1) to {@code 1.000} or {@code 0.000}. Sigmoid
 * scores of a model whose embeddings are all alike crowd next to 1, and "threshold 1.000" would
 * read as "nothing passes" when the threshold is 0.9999948; scores of 0.99991 and 0.99999 would
 * both read 1.000.
 */
public final class Thresholds {
  private static final int MOST_DIGITS = 9;

  private Thresholds() {}

  public static String format(double threshold) {
    String three = String.format(Locale.ROOT, "%.3f", threshold);
    boolean nearOne = three.equals("1.000") && threshold < 1;
    boolean nearZero = three.equals("0.000") && threshold > 0;
    if (!nearOne && !nearZero) {
      return three;
    }
    // Down to the first digit where it differs from 1 (or 0), and one more; cut toward 0.5 so
    // that it never shows as 1 (or 0) however many digits that takes.
    double gap = nearOne ? 1 - threshold : threshold;
    int digits = Math.min(MOST_DIGITS, (int) Math.ceil(-Math.log10(gap)) + 1);
    return BigDecimal.valueOf(threshold)
        .setScale(digits, nearOne ? RoundingMode.FLOOR : RoundingMode.CEILING)
        .stripTrailingZeros() // 0.99999, not 0.9999900: the binary value sits just under it
        .toPlainString();
  }
}
