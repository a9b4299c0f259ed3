package dev.ovid.workflows.pipeline;

import java.util.List;

/**
 * A named model configuration from the paper (arXiv 2407.09073): its method, its baselines and
 * ablations. Applying one sets the model choices, T and λ and keeps the other knobs.
 */
public record ModelPreset(
    String name, String description, int temporalLayers, double swrLambda, ModelSpec model) {

  public static final String PAPER = "paper";

  public static List<ModelPreset> all() {
    ModelSpec paper = ModelSpec.paper();
    return List.of(
        new ModelPreset(
            PAPER,
            "learnable LLM prompts + temporal branch (T=4) + SWR λ=0.5: the paper's model",
            4,
            0.5,
            paper),
        new ModelPreset(
            "frame-mean",
            "frozen CLIP, class-name prompts, mean of frame embeddings (T=0)",
            0,
            0.5,
            paper.withLabelEncoder("class-name")),
        new ModelPreset(
            "prompt-templates",
            "frozen CLIP, prompt templates, mean of frame embeddings",
            0,
            0.5,
            paper.withLabelEncoder("templates")),
        new ModelPreset(
            "fixed-llm-attributes",
            "frozen CLIP, fixed LLM attributes (T5, greedy), mean of frame embeddings",
            0,
            0.5,
            paper.withLabelEncoder("fixed-llm-attributes")),
        new ModelPreset(
            "learnable-frame-mean", "learnable LLM prompts, no temporal branch", 0, 0.5, paper),
        new ModelPreset(
            "temporal-class-name",
            "class-name prompts + temporal branch (T=4) + SWR",
            4,
            0.5,
            paper.withLabelEncoder("class-name")),
        new ModelPreset(
            "learnable-no-swr",
            "the paper's model without stochastic weight regularization",
            4,
            0.5,
            paper.withSwr(false)),
        new ModelPreset(
            "learnable-anchored",
            "the paper's model with token-sized soft prompts held near the fixed-LLM prompt"
                + " (answer anchor 32; not in the paper: the shapes experiment's variant)",
            4,
            0.5,
            paper.withSoftPrompts(1.0, 32)));
  }

  public static ModelPreset named(String name) {
    return all().stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown preset '"
                        + name
                        + "'; known: "
                        + all().stream().map(ModelPreset::name).toList()));
  }

  /** {@code h} with this preset's model, T and λ. */
  public Hyperparameters applyTo(Hyperparameters h) {
    return new Hyperparameters(
        h.epochs(),
        h.batchSize(),
        h.learningRate(),
        h.temperature(),
        h.negativeWeight(),
        swrLambda,
        temporalLayers,
        h.checkpointEverySteps(),
        h.seed(),
        model,
        h.precision());
  }
}
