package dev.ovid.web.api;

import dev.ovid.workflows.pipeline.Hyperparameters;
import dev.ovid.workflows.pipeline.ModelPreset;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Hyperparameters as sent by a client: every field optional. Nulls take the named preset's value
 * (see {@code GET /api/runs/presets}), and without a preset the defaults (the paper's model).
 */
@Schema(name = "Hyperparameters")
public record HyperparametersBody(
    @Schema(description = "1..1000", example = "3") Integer epochs,
    @Schema(description = "1..1024", example = "4") Integer batchSize,
    @Schema(description = "(0, 1]", example = "0.001") Double learningRate,
    @Schema(description = "BCE temperature τ, (0, 10]", example = "0.07") Double temperature,
    @Schema(description = "negative weight w, (0, 100]", example = "1.0") Double negativeWeight,
    @Schema(description = "stochastic weight regularisation λ, [0, 1]", example = "0.5")
        Double swrLambda,
    @Schema(
            description = "temporal branch layers T, 0..24 (0: mean of frame embeddings)",
            example = "2")
        Integer temporalLayers,
    @Schema(description = "checkpoint every N steps, ≥ 1", example = "5")
        Integer checkpointEverySteps,
    @Schema(description = "random seed", example = "42") Long seed,
    @Schema(
            description =
                "a named model configuration applied first (paper, frame-mean, prompt-templates,"
                    + " fixed-llm-attributes, learnable-frame-mean, temporal-class-name,"
                    + " learnable-no-swr)",
            example = "paper")
        String preset,
    @Schema(description = "model choices; each omitted one takes the preset's or default")
        ModelSpecBody model,
    @Schema(
            description =
                "auto (bf16 mixed precision where the worker's hardware computes it natively,"
                    + " fp16 with loss scaling on CUDA GPUs of compute capability 7.x, else fp32),"
                    + " fp32, bf16 or fp16",
            example = "auto")
        String precision) {

  Hyperparameters withDefaults(Hyperparameters d) {
    Hyperparameters base = preset == null ? d : ModelPreset.named(preset).applyTo(d);
    return new Hyperparameters(
        epochs != null ? epochs : base.epochs(),
        batchSize != null ? batchSize : base.batchSize(),
        learningRate != null ? learningRate : base.learningRate(),
        temperature != null ? temperature : base.temperature(),
        negativeWeight != null ? negativeWeight : base.negativeWeight(),
        swrLambda != null ? swrLambda : base.swrLambda(),
        temporalLayers != null ? temporalLayers : base.temporalLayers(),
        checkpointEverySteps != null ? checkpointEverySteps : base.checkpointEverySteps(),
        seed != null ? seed : base.seed(),
        model == null ? base.model() : model.withDefaults(base.model()),
        precision != null ? precision : base.precision());
  }

  /** Problems that stop the defaults from being applied at all (an unknown preset). */
  List<String> presetProblems() {
    if (preset == null) {
      return List.of();
    }
    try {
      ModelPreset.named(preset);
      return List.of();
    } catch (IllegalArgumentException e) {
      return List.of("preset: " + e.getMessage());
    }
  }
}
