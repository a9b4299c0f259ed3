package dev.ovid.web.api;

import dev.ovid.workflows.pipeline.ModelSpec;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Model choices as sent by a client: every field optional, nulls keep the base's value. */
@Schema(name = "ModelSpec")
public record ModelSpecBody(
    @Schema(
            description =
                "shapes-pretrained (tiny CLIP pretrained on the generated shapes world, cached by"
                    + " the worker), tiny-random, clip:<dir> or clip+t5:<clipDir>,<t5Dir>",
            example = "shapes-pretrained")
        String backbone,
    @Schema(
            description = "class-name, templates, fixed-llm-attributes or learnable-llm-prompts",
            example = "learnable-llm-prompts")
        String labelEncoder,
    @Schema(description = "N learnable prefixes, 1..64", example = "4") Integer prefixes,
    @Schema(description = "K attributes, 1..64", example = "4") Integer attributes,
    @Schema(description = "L vectors per soft attribute, 1..64", example = "4")
        Integer attributeLength,
    @Schema(description = "prompt transformer layers, 0..12", example = "1") Integer promptLayers,
    @Schema(description = "prompt transformer heads, 1..64", example = "4") Integer promptHeads,
    @Schema(description = "stochastic weight regularization on/off", example = "true") Boolean swr,
    @Schema(description = "SWR α at evaluation, [0, 1]; omitted: λ/2") Double evalAlpha,
    @Schema(description = "AdamW weight decay, [0, 1]", example = "0.05") Double weightDecay,
    @Schema(
            description =
                "copied CLIP weights decay toward their frozen values (true) or toward zero",
            example = "true")
        Boolean decayTowardFrozen,
    @Schema(description = "learning-rate warm-up steps", example = "0") Integer warmupSteps,
    @Schema(description = "gradient clipping global norm, 0 disables", example = "1.0")
        Double gradientClipNorm,
    @Schema(
            description =
                "learn τ as a trainable log-scale parameter as in CLIP, starting at the"
                    + " hyperparameters' temperature (which must then be in [0.01, 1]); false:"
                    + " τ stays fixed",
            example = "false")
        Boolean learnTemperature,
    @Schema(
            description =
                "learnable LLM prompts: soft prompt tokens' size in token-embedding standard"
                    + " deviations, (0, 10]; omitted: the base's (0.1 by default)",
            example = "0.1")
        Double softPromptScale,
    @Schema(
            description =
                "learnable LLM prompts: weight of the answer anchor (a penalty keeping each"
                    + " label's embedding near its fixed-LLM prompt's; not in the paper), 0 is off",
            example = "0")
        Double answerAnchorWeight) {

  ModelSpec withDefaults(ModelSpec d) {
    return new ModelSpec(
        backbone != null ? backbone : d.backbone(),
        labelEncoder != null ? labelEncoder : d.labelEncoder(),
        prefixes != null ? prefixes : d.prefixes(),
        attributes != null ? attributes : d.attributes(),
        attributeLength != null ? attributeLength : d.attributeLength(),
        promptLayers != null ? promptLayers : d.promptLayers(),
        promptHeads != null ? promptHeads : d.promptHeads(),
        swr != null ? swr : d.swr(),
        evalAlpha != null ? evalAlpha : d.evalAlpha(),
        weightDecay != null ? weightDecay : d.weightDecay(),
        decayTowardFrozen != null ? decayTowardFrozen : d.decayTowardFrozen(),
        warmupSteps != null ? warmupSteps : d.warmupSteps(),
        gradientClipNorm != null ? gradientClipNorm : d.gradientClipNorm(),
        learnTemperature != null ? learnTemperature : d.learnTemperature(),
        softPromptScale != null ? softPromptScale : d.softPromptScale(),
        answerAnchorWeight != null ? answerAnchorWeight : d.answerAnchorWeight());
  }
}
