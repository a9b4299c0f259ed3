package dev.ovid.model.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.ovid.model.clip.ClipModel;
import dev.ovid.model.core.Tensors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three fixed label encoders on a tiny random CLIP: shapes, unit rows and pooling maths. */
class FixedLabelEncodersTest {
  private static final List<String> LABELS = List.of("dog", "playing the guitar", "red car");
  private static ClipModel clip;

  @BeforeAll
  static void loadClip() throws IOException {
    clip = ClipModel.load(LabelFixtures.clip());
  }

  @AfterAll
  static void closeClip() {
    clip.close();
  }

  private static NDArray unitText(String prompt) {
    return Tensors.normalizeRows(clip.encodeTexts(List.of(prompt))).get(0);
  }

  @Test
  void classNamePromptIsTheNormalizedClipEmbeddingOfTheFilledTemplate() {
    LabelEncoder encoder = new ClassNamePromptEncoder(clip);
    NDArray out = encoder.encode(LABELS);
    int p = clip.config().projectionDim();
    assertEquals(LabelFixtures.shapeOf(LABELS.size(), p), out.getShape());
    assertEquals(p, encoder.embedDim());
    assertTrue(LabelFixtures.unitNormError(out) < 1e-5f);
    for (int i = 0; i < LABELS.size(); i++) {
      NDArray expected = unitText("a video of " + LABELS.get(i) + ".");
      assertTrue(out.get(i).sub(expected).abs().max().getFloat() < 1e-6f);
    }
    assertFalse(encoder.trainable());
    assertTrue(encoder.frozenParameters().size() > 10);
  }

  @Test
  void promptTemplatesMeanPoolNormalizedEmbeddings() {
    List<String> templates = List.of("a video of {label}.", "a photo of a {label}.");
    LabelEncoder encoder = new PromptTemplatesEncoder(clip, templates);
    NDArray out = encoder.encode(LABELS);
    assertEquals(LabelFixtures.shapeOf(LABELS.size(), encoder.embedDim()), out.getShape());
    assertTrue(LabelFixtures.unitNormError(out) < 1e-5f);
    for (int i = 0; i < LABELS.size(); i++) {
      String label = LABELS.get(i);
      NDArray mean =
          unitText("a video of " + label + ".").add(unitText("a photo of a " + label + "."));
      NDArray expected = mean.div(mean.norm());
      assertTrue(out.get(i).sub(expected).abs().max().getFloat() < 1e-6f);
    }
  }

  @Test
  void fixedLlmAttributesPoolEachLabelsOwnAttributes() {
    Map<String, List<String>> attributes =
        Map.of(
            "dog", List.of("four legs", "fur", "a wagging tail"),
            "playing the guitar", List.of("strings"),
            "red car", List.of("wheels", "a red body"));
    LabelEncoder encoder = new FixedLlmAttributesEncoder(clip, attributes);
    NDArray out = encoder.encode(LABELS);
    assertEquals(LabelFixtures.shapeOf(LABELS.size(), encoder.embedDim()), out.getShape());
    assertTrue(LabelFixtures.unitNormError(out) < 1e-5f);
    for (int i = 0; i < LABELS.size(); i++) {
      String label = LABELS.get(i);
      NDArray sum = null;
      for (String a : attributes.get(label)) {
        NDArray u = unitText(label + ", " + a);
        sum = sum == null ? u : sum.add(u);
      }
      NDArray expected = sum.div(sum.norm());
      float error = out.get(i).sub(expected).abs().max().getFloat();
      assertTrue(error < 1e-6f, label + " error " + error);
    }
  }

  @Test
  void fixedLlmAttributesRejectALabelWithoutAttributes() {
    LabelEncoder encoder = new FixedLlmAttributesEncoder(clip, Map.of("dog", List.of("fur")));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> encoder.encode(List.of("dog", "cat")));
    assertTrue(e.getMessage().contains("'cat'"), e.getMessage());
  }

  @Test
  void readsLlmAttributeFilesAndNamesTheLineOfBadOnes(@TempDir Path dir) throws IOException {
    Path good = dir.resolve("attributes.json");
    Files.writeString(good, "{\"dog\": [\"fur\", \" four legs \"], \"car\": [\"wheels\"]}");
    Map<String, List<String>> read = FixedLlmAttributesEncoder.readAttributes(good);
    assertEquals(List.of("fur", "four legs"), read.get("dog"));
    assertEquals(List.of("wheels"), read.get("car"));

    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\n\"dog\": [\"fur\",\n]\n");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> FixedLlmAttributesEncoder.readAttributes(broken));
    assertTrue(e.getMessage().startsWith(broken + ":3"), e.getMessage());

    Path wrongType = dir.resolve("wrong.json");
    Files.writeString(wrongType, "{\"dog\": \"fur\"}");
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> FixedLlmAttributesEncoder.readAttributes(wrongType));
    assertTrue(e.getMessage().contains("'dog'"), e.getMessage());
  }

  @Test
  void embedInChunksEqualsEncodeAndLandsInTheTargetManager() {
    ClassNamePromptEncoder base = new ClassNamePromptEncoder(clip);
    LabelEncoder twoAtATime =
        new LabelEncoder() {
          @Override
          public NDArray encode(List<String> labels) {
            return base.encode(labels);
          }

          @Override
          public int embedChunkSize() {
            return 2;
          }

          @Override
          public int embedDim() {
            return base.embedDim();
          }

          @Override
          public Map<String, NDArray> trainableParameters() {
            return base.trainableParameters();
          }

          @Override
          public Map<String, NDArray> frozenParameters() {
            return base.frozenParameters();
          }
        };
    try (NDManager target = NDManager.newBaseManager()) {
      NDArray embedded = twoAtATime.embed(LABELS, target);
      assertEquals(target, embedded.getManager());
      NDArray direct = base.encode(LABELS);
      assertEquals(direct.getShape(), embedded.getShape());
      assertTrue(embedded.sub(direct).abs().max().getFloat() < 1e-6f);
    }
  }

  @Test
  void theAttributeGeneratorRefusesNoDecodingStepsOrAttributes() {
    IllegalArgumentException steps =
        assertThrows(
            IllegalArgumentException.class,
            () -> new T5AttributeGenerator(null, null, "a {label}", 1, 0));
    assertTrue(steps.getMessage().contains("tokens per attribute"), steps.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> new T5AttributeGenerator(null, null, "a {label}", 0, 6));
    assertThrows(
        IllegalArgumentException.class,
        () -> new T5AttributeGenerator(null, null, "no label", 1, 6));
  }
}
