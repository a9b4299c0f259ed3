package dev.ovid.model.core;

/**
 * Counter-based random numbers (SplitMix64). Every draw is a pure function of the seed, the stream
 * keys and a counter, so a resumed training run draws exactly what an uninterrupted one would: the
 * trainer derives one stream per (purpose, step) and never has to save generator state beyond the
 * seed and the step.
 */
public final class CounterRandom {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private final long base;
  private long counter;

  /** A stream identified by a seed and any number of keys (e.g. purpose and step). */
  public CounterRandom(long seed, long... keys) {
    long s = mix(seed);
    for (long k : keys) {
      s = mix(s ^ mix(k + GOLDEN));
    }
    this.base = s;
  }

  static long mix(long z) {
    z += GOLDEN;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  public long nextLong() {
    return mix(base + (counter++) * GOLDEN);
  }

  /** Uniform in [0, 1). */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Uniform integer in [0, bound), without modulo bias. */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive: " + bound);
    }
    long limit = Long.MAX_VALUE - Long.MAX_VALUE % bound;
    while (true) {
      long r = nextLong() >>> 1;
      if (r < limit) {
        return (int) (r % bound);
      }
    }
  }

  /**
   * Standard normal draw (Box-Muller, one value per two uniforms). StrictMath, not Math: the JIT
   * may swap Math.log/cos for intrinsics that differ in the last bit from the interpreter, and then
   * the same seed would initialise a model differently early and late in a JVM's life.
   */
  public double nextGaussian() {
    double u1 = 1.0 - nextDouble();
    double u2 = nextDouble();
    return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * Math.PI * u2);
  }

  /** In-place Fisher-Yates shuffle. */
  public void shuffle(int[] values) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = nextInt(i + 1);
      int t = values[i];
      values[i] = values[j];
      values[j] = t;
    }
  }
}
