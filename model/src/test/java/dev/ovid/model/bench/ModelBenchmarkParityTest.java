package dev.ovid.model.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/ovid bench model} at {@code --size tiny}: Ovid and the PyTorch peer ({@code
 * model_bench.py}) compute the same training step from the same weights and inputs, so their loss
 * curves agree (in float32) from the first step on. The timing ratios mean nothing otherwise. Runs
 * only where the benchmark's PyTorch venv exists ({@code $OVID_BENCH_PYTHON}, or {@code bin/ovid}'s
 * {@code .ovid/tools/bench-venv}); skipped elsewhere.
 */
class ModelBenchmarkParityTest {
  @TempDir Path dir;

  @Test
  void tinyLossCurvesAgreeWithPytorch() {
    Path python = benchPython();
    assumeTrue(python != null, "no benchmark PyTorch venv (OVID_BENCH_PYTHON or bench-venv)");
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    ModelBenchmark.Result r =
        ModelBenchmark.run(
            new ModelBenchmark.Options("tiny", 1, "fp32", "cpu", python, dir, 0, 3, false, true),
            new PrintStream(log, true, StandardCharsets.UTF_8));
    assertEquals(3, r.ovidLosses().size(), log::toString);
    assertEquals(3, r.pytorchLosses().size(), log::toString);
    for (int i = 0; i < 3; i++) {
      double ovid = r.ovidLosses().get(i);
      double torch = r.pytorchLosses().get(i);
      // float32 sums in a different order; a real difference in the model (a missing scale, a
      // different layer) moves the tiny loss by percents from step 1
      assertEquals(torch, ovid, 1e-4 * Math.abs(torch), "step " + (i + 1) + "\n" + log);
    }
  }

  /**
   * Without the venv, at least the constant the peer copies from Ovid's prompt transformer (soft
   * prompts scaled to the CLIP tower's token embeddings; its absence made the tiny curves differ by
   * 7 % from the first step) must match Ovid's.
   */
  @Test
  void pytorchPeerScalesSoftPromptsAsOvid() throws Exception {
    String script;
    try (InputStream in = PytorchPeer.class.getResourceAsStream("model_bench.py")) {
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Matcher m = Pattern.compile("(?m)^SOFT_PROMPT_SCALE = ([0-9.eE+-]+)$").matcher(script);
    assertTrue(m.find(), "model_bench.py defines SOFT_PROMPT_SCALE");
    assertEquals(
        dev.ovid.model.label.LearnableLlmPromptConfig.DEFAULT_SOFT_PROMPT_SCALE,
        Double.parseDouble(m.group(1)),
        1e-9);
    assertTrue(
        script.contains(".sqrt() * self.out_scale"),
        "the peer normalises soft tokens and scales them");
  }

  /** {@code $OVID_BENCH_PYTHON}, else {@code bin/ovid}'s venv under the tools folder, else null. */
  static Path benchPython() {
    String env = System.getenv("OVID_BENCH_PYTHON");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    String tools = System.getenv("OVID_TOOLS_DIR");
    // Surefire runs in the module folder; bin/ovid's tools live under the repository's .ovid.
    Path dir = tools != null && !tools.isBlank() ? Path.of(tools) : Path.of("..", ".ovid", "tools");
    Path python = dir.resolve("bench-venv").resolve("bin").resolve("python");
    return Files.isExecutable(python) ? python : null;
  }
}
