package dev.ovid.activities.training;

import dev.ovid.activities.common.ScratchFiles;
import dev.ovid.model.core.OvidModel;
import dev.ovid.model.training.TrainingConfig;
import dev.ovid.model.video.VideoEncoderConfig;
import dev.ovid.registry.common.Json;
import dev.ovid.registry.objectstore.ObjectStore;
import dev.ovid.registry.objectstore.S3Location;
import dev.ovid.registry.run.RunRegistry;
import dev.ovid.workflows.pipeline.Hyperparameters;
import dev.ovid.workflows.pipeline.ModelSpec;
import dev.ovid.workflows.training.TrainedModelRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;

/**
 * How the pipeline builds its model: the same architecture for training, expansion and evaluation,
 * derived from the run's hyperparameters and the configured backbone.
 */
@ApplicationScoped
public class PipelineModels {
  @Inject RunRegistry runs;
  @Inject ObjectStore store;

  @Inject ModelSettings settings;
  @Inject dev.ovid.activities.attributes.LabelAttributes attributes;
  @Inject dev.ovid.activities.worker.WorkerSettings worker;

  public TrainingConfig trainingConfig(Hyperparameters h) {
    var builder =
        TrainingConfig.builder()
            .epochs(h.epochs())
            .batchSize(h.batchSize())
            .learningRate((float) h.learningRate())
            .temperature((float) h.temperature())
            .negativeWeight((float) h.negativeWeight())
            .swrLambda(swrLambda(h))
            .temporalLayers(h.temporalLayers())
            .frames(settings.frames())
            .seed(h.seed())
            .checkpointEverySteps(h.checkpointEverySteps());
    if (h.model() != null) {
      // Runs from before the model was a run parameter keep the library's defaults, so their
      // checkpoints still resume.
      ModelSpec m = h.model();
      builder
          .weightDecay((float) m.weightDecay())
          .decayTowardFrozen(m.decayTowardFrozen())
          .warmupSteps(m.warmupSteps())
          .gradientClipNorm((float) m.gradientClipNorm());
    }
    return builder.build();
  }

  /** λ as the model runs it: 1 when SWR is off (α is then fixed at 1, see the video encoder). */
  private static float swrLambda(Hyperparameters h) {
    return h.model() == null || h.model().swr() ? (float) h.swrLambda() : 1f;
  }

  /** The run's model choices; runs launched before they were recorded get the legacy spec. */
  public ModelSpec modelSpec(Hyperparameters h) {
    return h.model() != null ? h.model() : ModelSpec.legacy(settings.backbone());
  }

  public VideoEncoderConfig videoEncoderConfig(Hyperparameters h) {
    ModelSpec m = modelSpec(h);
    float evalAlpha = m.evalAlpha() == null ? Float.NaN : m.evalAlpha().floatValue();
    return new VideoEncoderConfig(
        settings.frames(), h.temporalLayers(), swrLambda(h), evalAlpha, m.swr());
  }

  /** The vocabulary version the run trained against, when it published one. */
  public Long publishedVocabularyVersion(long runId) {
    var run = runs.get(runId);
    return run.publishedVocabulary == null ? null : run.publishedVocabulary.id;
  }

  public Hyperparameters hyperparameters(long runId) {
    String json = runs.get(runId).hyperparametersJson;
    try {
      return Json.mapper().readValue(json, Hyperparameters.class);
    } catch (IOException e) {
      throw new IllegalStateException(
          "run " + runId + " has unreadable hyperparameters: " + json, e);
    }
  }

  public int frames(long runId) {
    return settings.frames();
  }

  /** τ of the run's hyperparameters (for a run with learned τ, its initial value). */
  public double temperature(long runId) {
    return hyperparameters(runId).temperature();
  }

  /** τ that {@code model} scores with: its learned τ when it has one, else the run's fixed τ. */
  public double temperature(long runId, OvidModel model) {
    return model.learnedTemperature().orElseGet(() -> temperature(runId));
  }

  public OvidModel build(Hyperparameters h) {
    return build(h, null);
  }

  /**
   * The run's architecture, untrained. Attributes the fixed-LLM baseline generates are stored and
   * reused ({@link dev.ovid.activities.attributes.LabelAttributes}), with {@code
   * vocabularyVersionId} (may be null) as their provenance.
   */
  public OvidModel build(Hyperparameters h, Long vocabularyVersionId) {
    OvidModel model =
        ModelBackbones.build(
            modelSpec(h),
            videoEncoderConfig(h),
            h.seed(),
            dev.ovid.model.core.Precision.parse(
                h.precision(), dev.ovid.model.weights.Devices.best()),
            Path.of(worker.cacheDir(), "models"),
            attributes.sources(vocabularyVersionId));
    if (modelSpec(h).learnTemperature()) {
      // log(1/τ) is a trainable parameter saved with the weights; it starts at the run's τ.
      model.learnTemperature(h.temperature());
    }
    return model;
  }

  /** The run's architecture with the trained weights that {@code ref} names (sha256 checked). */
  public OvidModel load(long runId, TrainedModelRef ref) {
    OvidModel model = build(hyperparameters(runId), publishedVocabularyVersion(runId));
    try {
      return ScratchFiles.withTempFile(
          "ovid-weights-",
          ".bin",
          file -> {
            store.download(
                S3Location.parse(ref.checkpoint().uri()).key(), file, ref.checkpoint().sha256());
            model.loadWeights(file);
            return model;
          });
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  /** A registered model version with its run's architecture and its checkpoint. */
  public OvidModel load(dev.ovid.registry.model.ModelVersion version) {
    return load(
        version.run.id,
        new TrainedModelRef(
            new dev.ovid.workflows.common.ObjectRef(
                version.checkpointUri, version.checkpointSha256, 0),
            0,
            0,
            0));
  }

  public int imageSize(OvidModel model) {
    return model.videoEncoder().frameEncoder().imageSize();
  }
}
