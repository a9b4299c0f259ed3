package dev.ovid.activities.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ovid.model.core.OvidModel;
import dev.ovid.model.core.Precision;
import dev.ovid.model.video.VideoEncoderConfig;
import dev.ovid.workflows.pipeline.ModelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// In the worker app's class loader: libtorch loads once per JVM.
@io.quarkus.test.junit.QuarkusTest
class ShapesPretrainedBackboneTest {
  @TempDir static Path cache;

  @Test
  void pretrainsOnceThenEveryBuildReusesTheCachedClip() throws Exception {
    var first = ShapesPretrainedBackbone.clipDir(5, cache);
    assertTrue(first.pretrained());
    Path weights = first.clipDir().resolve("model.safetensors");
    assertTrue(Files.isRegularFile(weights));
    assertTrue(Files.isRegularFile(first.clipDir().resolve("config.json")));
    FileTime written = Files.getLastModifiedTime(weights);

    var second = ShapesPretrainedBackbone.clipDir(5, cache);

    assertFalse(second.pretrained(), "the second call pretrained again");
    assertEquals(first.clipDir(), second.clipDir());
    assertEquals(written, Files.getLastModifiedTime(weights));
    try (var left = Files.list(cache)) {
      assertEquals(
          List.of(first.clipDir().getFileName().toString()),
          left.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("clip-")).toList(),
          "no scratch folder left behind");
    }

    // The paper's model (the default) builds on it and reuses the cache.
    ModelSpec spec = ModelSpec.paper();
    assertEquals(ModelSpec.SHAPES_PRETRAINED, spec.backbone());
    var video = new VideoEncoderConfig(2, 2, 0.5f, Float.NaN, true);
    try (OvidModel model = ModelBackbones.build(spec, video, 5, Precision.FP32, cache)) {
      assertEquals(
          ShapesPretrainedBackbone.CLIP.imageSize(),
          model.videoEncoder().frameEncoder().imageSize());
    }
    assertEquals(
        written, Files.getLastModifiedTime(weights), "building the model pretrained again");
  }

  @Test
  void theCacheKeyFollowsTheSeed() {
    assertEquals(ShapesPretrainedBackbone.key(5), ShapesPretrainedBackbone.key(5));
    assertNotEquals(ShapesPretrainedBackbone.key(5), ShapesPretrainedBackbone.key(6));
  }
}
