package dev.ovid.model.t5;

/**
 * T5's bucketing of key-minus-query distances: exact buckets for small distances, then logarithmic
 * ones up to {@code maxDistance}. The encoder looks both ways (half the buckets per direction); the
 * decoder only looks back.
 */
final class RelativePositionBuckets {
  private RelativePositionBuckets() {}

  /** Bucket of {@code keyPos - queryPos} for every (query, key) pair, row-major [q][k]. */
  static long[] table(
      int queryLength,
      int keyLength,
      int queryOffset,
      boolean bidirectional,
      int numBuckets,
      int maxDistance) {
    long[] out = new long[queryLength * keyLength];
    for (int q = 0; q < queryLength; q++) {
      for (int k = 0; k < keyLength; k++) {
        out[q * keyLength + k] =
            bucket(k - (q + queryOffset), bidirectional, numBuckets, maxDistance);
      }
    }
    return out;
  }

  static int bucket(int relativePosition, boolean bidirectional, int numBuckets, int maxDistance) {
    int buckets = 0;
    int n = numBuckets;
    int distance;
    if (bidirectional) {
      n /= 2;
      if (relativePosition > 0) {
        buckets += n;
      }
      distance = Math.abs(relativePosition);
    } else {
      distance = -Math.min(relativePosition, 0);
    }
    int maxExact = n / 2;
    if (distance < maxExact) {
      return buckets + distance;
    }
    // Same float32 arithmetic as the reference, so bucket edges fall on the same distances.
    float ratio = (float) distance / (float) maxExact;
    float scaled =
        (float) Math.log(ratio)
            / (float) Math.log((double) maxDistance / maxExact)
            * (float) (n - maxExact);
    int large = maxExact + (int) scaled;
    return buckets + Math.min(large, n - 1);
  }
}
