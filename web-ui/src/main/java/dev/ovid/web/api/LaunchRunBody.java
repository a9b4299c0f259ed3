package dev.ovid.web.api;

import dev.ovid.workflows.curation.LabelerSpec;
import dev.ovid.workflows.pipeline.Hyperparameters;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/runs}. Omitted hyperparameters take their defaults. */
@Schema(name = "LaunchRun")
public record LaunchRunBody(
    @Schema(
            description = "Name of a dataset the pipeline can curate (at most 200 characters)",
            required = true,
            example = "demo")
        String datasetName,
    @Schema(description = "Id of the vocabulary to train with", required = true) Long vocabularyId,
    @Schema(description = "Training knobs; each omitted one takes its default")
        HyperparametersBody hyperparameters,
    @Schema(
            description =
                "Optional: add synthetic labels to the training split before training, from a"
                    + " teacher model version or an OpenAI-compatible chat endpoint")
        LabelerSpec syntheticLabeler) {

  /** Longest dataset or model name accepted. */
  static final int MAX_NAME = 200;

  /** Longest URL accepted. */
  static final int MAX_URL = 2000;

  /** Problems with the request as a whole (missing fields, out-of-range hyperparameters). */
  public List<String> problems() {
    List<String> out = new ArrayList<>();
    if (datasetName == null || datasetName.isBlank()) out.add("datasetName is required");
    else if (datasetName.length() > MAX_NAME) out.add("datasetName is longer than 200 characters");
    if (vocabularyId == null) out.add("vocabularyId is required");
    List<String> presets = hyperparameters == null ? List.of() : hyperparameters.presetProblems();
    out.addAll(presets);
    if (presets.isEmpty()) out.addAll(hyperparametersOrDefaults().problems());
    if (syntheticLabeler != null) out.addAll(labelerProblems(syntheticLabeler));
    return out;
  }

  public Hyperparameters hyperparametersOrDefaults() {
    return hyperparameters == null
        ? Hyperparameters.defaults()
        : hyperparameters.withDefaults(Hyperparameters.defaults());
  }

  static List<String> labelerProblems(LabelerSpec spec) {
    List<String> out = new ArrayList<>();
    if (spec.kind() == null) {
      out.add("syntheticLabeler.kind must be TEACHER or CHAT");
    } else if (spec.kind() == LabelerSpec.Kind.TEACHER) {
      if (spec.modelVersionId() == null) out.add("syntheticLabeler.modelVersionId is required");
      if (spec.threshold() == null || !(spec.threshold() >= 0 && spec.threshold() <= 1)) {
        out.add("syntheticLabeler.threshold must be in [0, 1]");
      }
    } else {
      if (spec.baseUrl() == null || spec.baseUrl().isBlank()) {
        out.add("syntheticLabeler.baseUrl is required");
      } else if (spec.baseUrl().length() > MAX_URL) {
        out.add("syntheticLabeler.baseUrl is longer than 2000 characters");
      }
      if (spec.model() == null || spec.model().isBlank()) {
        out.add("syntheticLabeler.model is required");
      } else if (spec.model().length() > MAX_NAME) {
        out.add("syntheticLabeler.model is longer than 200 characters");
      }
    }
    return out;
  }
}
