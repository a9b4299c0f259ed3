package dev.ovid.activities.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code infra/lib/libtorch.sh}, which bin/ovid sources: how OVID_LIBTORCH_DIR becomes DJL's
 * PYTORCH_* settings, where a JNI for another libtorch version goes, and the errors that name the
 * fix. Run through bash on fake torch folders (empty .so files: nothing is loaded).
 */
class LibtorchScriptTest {
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

  @TempDir Path tmp;

  private record Outcome(int exit, String out) {}

  private Outcome configure(Map<String, String> env) throws IOException, InterruptedException {
    ProcessBuilder pb =
        new ProcessBuilder(
                "bash",
                "-c",
                "source infra/lib/common.sh && source infra/lib/libtorch.sh && configure_libtorch"
                    + " && echo \"$PYTORCH_LIBRARY_PATH|$PYTORCH_VERSION|$PYTORCH_FLAVOR|"
                    + "${LD_LIBRARY_PATH:-}\"")
            .directory(REPO.toFile())
            .redirectErrorStream(true);
    pb.environment()
        .keySet()
        .removeIf(k -> k.startsWith("PYTORCH_") || k.equals("LD_LIBRARY_PATH"));
    pb.environment().put("OVID_HOME", REPO.toString());
    pb.environment().put("OVID_STATE_DIR", tmp.resolve("state").toString());
    pb.environment().put("HOME", tmp.resolve("home").toString());
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    return new Outcome(p.waitFor(), out);
  }

  private Path pipTorch(String version) throws IOException {
    Path torch = tmp.resolve("site-packages/torch");
    Files.createDirectories(torch.resolve("lib"));
    Files.writeString(torch.resolve("lib/libtorch.so"), "");
    Files.writeString(torch.resolve("lib/libtorch_cuda.so"), "");
    Files.writeString(torch.resolve("version.py"), "__version__ = '" + version + "'\n");
    Path cudart = tmp.resolve("site-packages/nvidia/cu13/lib/libcudart.so.13");
    Files.createDirectories(cudart.getParent());
    Files.writeString(cudart, "");
    return torch.resolve("lib");
  }

  @Test
  void aPipTorchNamesItsVersionAndFlavorAndItsJniLandsWhereDjlLooks() throws Exception {
    Path lib = pipTorch("2.11.0+cu130");
    Path jni = tmp.resolve("libdjl_torch-2.11.0.so");
    Files.writeString(jni, "jni bytes");
    Path cache = tmp.resolve("djl-cache");
    Outcome o =
        configure(
            Map.of(
                "OVID_LIBTORCH_DIR", lib.toString(),
                "OVID_DJL_JNI", jni.toString(),
                "DJL_CACHE_DIR", cache.toString()));
    assertEquals(0, o.exit(), o.out());
    String[] fields = o.out().lines().reduce((a, b) -> b).orElseThrow().split("\\|", -1);
    assertEquals(lib.toString(), fields[0]);
    assertEquals("2.11.0", fields[1]);
    assertEquals("cu130", fields[2]);
    assertTrue(
        fields[3].startsWith(
            tmp.resolve("site-packages/torch/lib/../../nvidia/cu13/lib").toString()),
        "pip's CUDA runtime folder leads LD_LIBRARY_PATH: " + fields[3]);
    Path dir = cache.resolve("pytorch/2.11.0-cu130-linux-x86_64");
    List<Path> placed;
    try (Stream<Path> files = Files.list(dir)) {
      placed = files.toList();
    }
    assertEquals(1, placed.size(), "one JNI in " + dir);
    assertTrue(
        placed.get(0).getFileName().toString().matches("\\d+\\.\\d+\\.\\d+-libdjl_torch\\.so"));
    assertEquals("jni bytes", Files.readString(placed.get(0)));
  }

  @Test
  void anotherLibtorchVersionWithoutAJniIsAnErrorNamingTheFix() throws Exception {
    Outcome o = configure(Map.of("OVID_LIBTORCH_DIR", pipTorch("2.11.0+cu130").toString()));
    assertNotEquals(0, o.exit());
    assertTrue(o.out().contains("OVID_DJL_JNI"), o.out());
    assertTrue(o.out().contains("2.11.0"), o.out());
  }

  @Test
  void aPlainFolderIsLibtorch271AndAFolderWithoutLibtorchIsRefused() throws Exception {
    Path plain = tmp.resolve("libtorch/lib");
    Files.createDirectories(plain);
    Outcome missing = configure(Map.of("OVID_LIBTORCH_DIR", plain.toString()));
    assertNotEquals(0, missing.exit());
    assertTrue(missing.out().contains("no libtorch.so in " + plain), missing.out());

    Files.writeString(plain.resolve("libtorch.so"), "");
    Outcome cpu = configure(Map.of("OVID_LIBTORCH_DIR", plain.toString()));
    assertEquals(0, cpu.exit(), cpu.out());
    assertTrue(cpu.out().endsWith(plain + "|2.7.1|cpu|"), cpu.out());

    Files.writeString(plain.resolve("libtorch_cuda.so"), "");
    Outcome cuda = configure(Map.of("OVID_LIBTORCH_DIR", plain.toString()));
    assertTrue(cuda.out().endsWith(plain + "|2.7.1|cu128|"), cuda.out());
  }
}
