package dev.ovid.activities.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ovid.model.core.Autocast;
import dev.ovid.model.core.OvidModel;
import dev.ovid.model.core.Precision;
import dev.ovid.model.training.TrainingConfig;
import dev.ovid.workflows.pipeline.ModelSpec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run's precision reaches the model the pipeline builds. */
// In the worker app's class loader: libtorch loads once per JVM, and the Quarkus tests of this
// module load it there first.
@io.quarkus.test.junit.QuarkusTest
class ModelBackbonesPrecisionTest {
  @TempDir Path workDir;

  @Test
  void tinyRandomBackboneIsBuiltInTheRunsPrecision() {
    TrainingConfig config = TrainingConfig.builder().temporalLayers(2).frames(2).build();
    ModelSpec spec = ModelSpec.paper().withBackbone(ModelSpec.TINY_RANDOM);
    var video = config.videoEncoderConfig();
    try (OvidModel bf16 = ModelBackbones.build(spec, video, 1, Precision.BF16, workDir);
        OvidModel fp32 = ModelBackbones.build(spec, video, 1, Precision.FP32, workDir)) {
      assertEquals(Precision.BF16, bf16.precision());
      assertTrue(bf16.frozenParameters().values().stream().anyMatch(Autocast::isLow));
      assertEquals(Precision.FP32, fp32.precision());
      assertTrue(fp32.frozenParameters().values().stream().noneMatch(Autocast::isLow));
    }
  }
}
