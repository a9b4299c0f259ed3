package dev.ovid.registry.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceLocationsTest {
  @TempDir Path root;
  @TempDir Path outside;

  private SourceLocations locations() {
    return new SourceLocations(List.of("ovid-artifacts"), List.of(root));
  }

  private void refused(String location, String because) {
    Optional<String> problem = locations().problem("location", location);
    assertTrue(problem.isPresent(), location + " was accepted");
    assertTrue(problem.get().contains(because), problem.get());
  }

  @Test
  void acceptsObjectsInAllowedBucketsAndFilesUnderDataRoots() throws Exception {
    assertEquals(Optional.empty(), locations().problem("location", "s3://ovid-artifacts/k/a.csv"));
    assertEquals(Optional.empty(), locations().problem("location", root + "/sub/m.jsonl"));
    Files.writeString(root.resolve("m.jsonl"), "{}");
    assertEquals(Optional.empty(), locations().problem("location", root + "/m.jsonl"));
  }

  @Test
  void refusesServerFilesOtherSchemesAndOtherBuckets() {
    refused("/etc/passwd", "outside the data roots");
    refused("file:///etc/passwd", "other schemes are not allowed");
    refused("http://127.0.0.1:62500/", "other schemes are not allowed");
    refused("jar:file:/x!/y", "other schemes are not allowed");
    refused("s3://someone-else/k", "not an allowed source bucket");
    refused("s3://ovid-artifacts", "object key");
    refused("s3://ovid-artifacts/a/../../b", "object key");
    refused("relative/m.jsonl", "absolute path");
    refused(root + "/../" + root.getFileName() + "x/m.jsonl", "outside the data roots");
    refused(root + "/../../etc/passwd", "outside the data roots");
  }

  @Test
  void refusesLinksThatLeaveTheRoots() throws Exception {
    Files.writeString(outside.resolve("secret"), "root:x:0:0");
    Files.createSymbolicLink(root.resolve("link"), outside);
    refused(root + "/link/secret", "outside the data roots");
  }

  @Test
  void quotesHugeValuesOnlyInPart() {
    String huge = "/" + "x".repeat(100_000);
    String problem = locations().problem("location", huge).orElseThrow();
    assertTrue(problem.length() < 400, "message of " + problem.length() + " characters");
  }
}
