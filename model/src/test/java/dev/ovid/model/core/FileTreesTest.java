package dev.ovid.model.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreesTest {
  @TempDir Path tmp;

  @Test
  void deletesNestedFoldersAndLeavesTheirSiblings() throws Exception {
    Path dir = tmp.resolve("cache/clip");
    Files.createDirectories(dir.resolve("a/b"));
    Files.writeString(dir.resolve("a/b/model.safetensors"), "x");
    Files.writeString(dir.resolve("config.json"), "{}");
    Files.writeString(tmp.resolve("cache/keep.txt"), "keep");
    FileTrees.delete(dir);
    assertFalse(Files.exists(dir));
    assertTrue(Files.exists(tmp.resolve("cache/keep.txt")));
    FileTrees.delete(dir); // already gone: no error
  }
}
