package dev.ovid.workflows.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The knobs a user may set when launching a run. Validated once, at launch, by {@link #problems()}
 * so bad values never reach a worker.
 *
 * <p>{@code model} is null only in runs launched before the model was a run parameter (their
 * recorded workflow histories must still replay): they trained the worker's configured backbone
 * with class-name prompts, see {@link ModelSpec#legacy}.
 *
 * @param temporalLayers T, CLIP layers the temporal branch runs on; 0 means no branch (the mean of
 *     the frame embeddings, the paper's frozen-CLIP baseline)
 * @param temperature τ in p = σ(s / τ): fixed, or the starting value when {@code
 *     model.learnTemperature} is on
 * @param swrLambda λ of stochastic weight regularization (ignored when {@code model.swr} is off)
 * @param precision {@code fp32}, {@code bf16}, {@code fp16} (float16 with loss scaling) or {@code
 *     auto} (null means auto: bf16 where the worker's hardware computes it natively, fp16 on CUDA
 *     GPUs of compute capability 7.x, fp32 elsewhere; runs recorded before this knob existed read
 *     as auto)
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
    ModelSpec model,
    String precision) {

  public static final String AUTO = "auto";

  /** The precision values a run accepts (the launch form offers these). */
  public static final List<String> PRECISIONS = List.of(AUTO, "fp32", "bf16", "fp16");

  public Hyperparameters {
    precision = precision == null || precision.isBlank() ? AUTO : precision;
  }

  /** With this model, precision {@code auto}. */
  public Hyperparameters(
      int epochs,
      int batchSize,
      double learningRate,
      double temperature,
      double negativeWeight,
      double swrLambda,
      int temporalLayers,
      int checkpointEverySteps,
      long seed,
      ModelSpec model) {
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
        model,
        AUTO);
  }

  /** The paper's model with this precision. */
  public Hyperparameters(
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
        ModelSpec.paper(),
        precision);
  }

  /** The paper's model ({@link ModelSpec#paper()}) with these knobs. */
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
        ModelSpec.paper());
  }

  public static Hyperparameters defaults() {
    return new Hyperparameters(3, 4, 1e-3, 0.07, 1.0, 0.5, 2, 5, 42L, ModelSpec.paper());
  }

  public Hyperparameters withModel(ModelSpec m) {
    return new Hyperparameters(
        epochs,
        batchSize,
        learningRate,
        temperature,
        negativeWeight,
        swrLambda,
        temporalLayers,
        checkpointEverySteps,
        seed,
        m,
        precision);
  }

  public Hyperparameters withTemporalLayers(int t) {
    return new Hyperparameters(
        epochs,
        batchSize,
        learningRate,
        temperature,
        negativeWeight,
        swrLambda,
        t,
        checkpointEverySteps,
        seed,
        model,
        precision);
  }

  /** λ the model trains with: 0 when SWR is off. */
  public double effectiveSwrLambda() {
    return model == null || model.swr() ? swrLambda : 0.0;
  }

  /**
   * Every knob by name, in declaration order, {@code model} as a nested object: the run row and the
   * lineage keep this, and {@link dev.ovid.workflows.pipeline.Hyperparameters} reads it back.
   */
  public Map<String, Object> asMap() {
    var map = new LinkedHashMap<String, Object>();
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
    if (model != null) {
      map.put("model", model);
    }
    return map;
  }

  /** As {@link #asMap()} with the model's choices flattened to {@code model.*}: MLflow params. */
  public Map<String, Object> asFlatMap() {
    var map = asMap();
    map.remove("model");
    if (model != null) {
      map.putAll(model.asFlatMap());
    }
    return map;
  }

  /** Human-readable problems with these values; empty when valid. */
  public List<String> problems() {
    var out = new ArrayList<String>();
    if (epochs < 1 || epochs > 1000) out.add("epochs must be between 1 and 1000, was " + epochs);
    if (batchSize < 1 || batchSize > 1024)
      out.add("batchSize must be between 1 and 1024, was " + batchSize);
    if (!(learningRate > 0 && learningRate <= 1))
      out.add("learningRate must be in (0, 1], was " + learningRate);
    if (!(temperature > 0 && temperature <= 10))
      out.add("temperature must be in (0, 10], was " + temperature);
    else if (model != null
        && model.learnTemperature()
        && !(temperature >= 0.01 && temperature <= 1))
      out.add(
          "temperature must be in [0.01, 1] when it is learned (its starting value; CLIP clamps"
              + " τ ≥ 0.01), was "
              + temperature);
    if (!(negativeWeight > 0 && negativeWeight <= 100))
      out.add("negativeWeight must be in (0, 100], was " + negativeWeight);
    if (!(swrLambda >= 0 && swrLambda <= 1))
      out.add("swrLambda must be in [0, 1], was " + swrLambda);
    if (temporalLayers < 0 || temporalLayers > 24)
      out.add(
          "temporalLayers must be between 0 (mean of frame embeddings) and 24, was "
              + temporalLayers);
    if (checkpointEverySteps < 1)
      out.add("checkpointEverySteps must be at least 1, was " + checkpointEverySteps);
    if (!PRECISIONS.contains(precision))
      out.add("precision must be auto, fp32, bf16 or fp16, was " + precision);
    if (model == null) {
      out.add("model is required");
    } else {
      out.addAll(model.problems());
    }
    return out;
  }
}
