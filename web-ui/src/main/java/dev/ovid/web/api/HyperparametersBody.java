package dev.ovid.web.api;

import dev.ovid.workflows.pipeline.Hyperparameters;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Hyperparameters as sent by a client: every field optional, nulls take the defaults. */
@Schema(name = "Hyperparameters")
public record HyperparametersBody(
    @Schema(description = "1..1000", example = "3") Integer epochs,
    @Schema(description = "1..1024", example = "4") Integer batchSize,
    @Schema(description = "(0, 1]", example = "0.001") Double learningRate,
    @Schema(description = "BCE temperature τ, (0, 10]", example = "0.07") Double temperature,
    @Schema(description = "negative weight w, (0, 100]", example = "1.0") Double negativeWeight,
    @Schema(description = "stochastic weight regularisation λ, [0, 1]", example = "0.5")
        Double swrLambda,
    @Schema(description = "temporal branch layers T, 1..24", example = "2") Integer temporalLayers,
    @Schema(description = "checkpoint every N steps, ≥ 1", example = "5")
        Integer checkpointEverySteps,
    @Schema(description = "random seed", example = "42") Long seed) {

  Hyperparameters withDefaults(Hyperparameters d) {
    return new Hyperparameters(
        epochs != null ? epochs : d.epochs(),
        batchSize != null ? batchSize : d.batchSize(),
        learningRate != null ? learningRate : d.learningRate(),
        temperature != null ? temperature : d.temperature(),
        negativeWeight != null ? negativeWeight : d.negativeWeight(),
        swrLambda != null ? swrLambda : d.swrLambda(),
        temporalLayers != null ? temporalLayers : d.temporalLayers(),
        checkpointEverySteps != null ? checkpointEverySteps : d.checkpointEverySteps(),
        seed != null ? seed : d.seed());
  }
}
