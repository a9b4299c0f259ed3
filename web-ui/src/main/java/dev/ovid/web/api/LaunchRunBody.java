package dev.ovid.web.api;

import dev.ovid.workflows.pipeline.Hyperparameters;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/runs}. Omitted hyperparameters take their defaults. */
@Schema(name = "LaunchRun")
public record LaunchRunBody(
    @Schema(
            description = "Name of a dataset the pipeline can curate",
            required = true,
            example = "demo")
        String datasetName,
    @Schema(description = "Id of the vocabulary to train with", required = true) Long vocabularyId,
    @Schema(description = "Training knobs; each omitted one takes its default")
        HyperparametersBody hyperparameters) {

  /** Problems with the request as a whole (missing fields, out-of-range hyperparameters). */
  public List<String> problems() {
    List<String> out = new ArrayList<>();
    if (datasetName == null || datasetName.isBlank()) out.add("datasetName is required");
    if (vocabularyId == null) out.add("vocabularyId is required");
    out.addAll(hyperparametersOrDefaults().problems());
    return out;
  }

  public Hyperparameters hyperparametersOrDefaults() {
    return hyperparameters == null
        ? Hyperparameters.defaults()
        : hyperparameters.withDefaults(Hyperparameters.defaults());
  }
}
