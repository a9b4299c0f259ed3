package dev.ovid.workflows.pipeline;

/**
 * The knobs a user may set when launching a run. Validated once, at launch, by {@link #problems()}
 * so bad values never reach a worker.
 *
 * @param precision {@code fp32}, {@code bf16} or {@code auto} (null means auto: bf16 where the
 *     worker's hardware computes it natively, fp32 elsewhere; runs recorded before this knob
 *     existed read as auto)
 */
public record Hyperparameters(
    int epochs,
    int batchSize,
    double learningRate,
    double temperature,
    double negativeWeight,
    double swrLambda,
    int temporalLayers,
    int checkpointEverySteps,
    long seed,
    String precision) {

  public static final String AUTO = "auto";

  /** Without a precision: {@code auto}. */
  public Hyperparameters(
      int epochs,
      int batchSize,
      double learningRate,
      double temperature,
      double negativeWeight,
      double swrLambda,
      int temporalLayers,
      int checkpointEverySteps,
      long seed) {
    this(
        epochs,
        batchSize,
        learningRate,
        temperature,
        negativeWeight,
        swrLambda,
        temporalLayers,
        checkpointEverySteps,
        seed,
        AUTO);
  }

  public Hyperparameters {
    precision = precision == null || precision.isBlank() ? AUTO : precision;
  }

  public static Hyperparameters defaults() {
    return new Hyperparameters(3, 4, 1e-3, 0.07, 1.0, 0.5, 2, 5, 42L);
  }

  /** Every knob by name, in declaration order: MLflow params and the run row use this. */
  public java.util.Map<String, Object> asMap() {
    var map = new java.util.LinkedHashMap<String, Object>();
    map.put("epochs", epochs);
    map.put("batchSize", batchSize);
    map.put("learningRate", learningRate);
    map.put("temperature", temperature);
    map.put("negativeWeight", negativeWeight);
    map.put("swrLambda", swrLambda);
    map.put("temporalLayers", temporalLayers);
    map.put("checkpointEverySteps", checkpointEverySteps);
    map.put("seed", seed);
    map.put("precision", precision);
    return map;
  }

  /** Human-readable problems with these values; empty when valid. */
  public java.util.List<String> problems() {
    var out = new java.util.ArrayList<String>();
    if (epochs < 1 || epochs > 1000) out.add("epochs must be between 1 and 1000, was " + epochs);
    if (batchSize < 1 || batchSize > 1024)
      out.add("batchSize must be between 1 and 1024, was " + batchSize);
    if (!(learningRate > 0 && learningRate <= 1))
      out.add("learningRate must be in (0, 1], was " + learningRate);
    if (!(temperature > 0 && temperature <= 10))
      out.add("temperature must be in (0, 10], was " + temperature);
    if (!(negativeWeight > 0 && negativeWeight <= 100))
      out.add("negativeWeight must be in (0, 100], was " + negativeWeight);
    if (!(swrLambda >= 0 && swrLambda <= 1))
      out.add("swrLambda must be in [0, 1], was " + swrLambda);
    if (temporalLayers < 1 || temporalLayers > 24)
      out.add("temporalLayers must be between 1 and 24, was " + temporalLayers);
    if (checkpointEverySteps < 1)
      out.add("checkpointEverySteps must be at least 1, was " + checkpointEverySteps);
    if (!java.util.List.of(AUTO, "fp32", "bf16").contains(precision))
      out.add("precision must be auto, fp32 or bf16, was " + precision);
    return out;
  }
}
