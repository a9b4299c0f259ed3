package dev.ovid.activities.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AnnotationsInspectCommandTest {
  @TempDir Path tmp;

  private record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new LocalCli());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void printsTheDocumentedJsonLineLast() throws Exception {
    Files.createFile(tmp.resolve("--07WQ2iBlw_000001_000011.mp4"));
    Result r =
        run(
            "annotations",
            "inspect",
            "--format",
            "kinetics",
            "--file",
            "src/test/resources/annotations/kinetics400-sample.csv",
            "--video-root",
            tmp.toString(),
            "--json");
    assertEquals(0, r.code(), r.err());
    String[] lines = r.out().strip().split("\n");
    assertEquals(
        "{\"videos\": 4, \"labels\": 4, \"positives\": 5, \"splits\": {\"train\": 3, \"val\": 1}}",
        lines[lines.length - 1]);
    assertTrue(r.out().contains("missing    3 of 4 videos"), r.out());
    assertTrue(r.out().contains("missing -0B3Yd-_M7I_000000_000010"), r.out());
  }

  @Test
  void malformedFileExitsTwoNamingFileAndLine() {
    Result r =
        run(
            "annotations",
            "inspect",
            "--format",
            "rareact",
            "--file",
            "src/test/resources/annotations/rareact-bad-annotation.csv");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("rareact-bad-annotation.csv:3:"), r.err());
    Result unknown = run("annotations", "inspect", "--format", "imagenet", "--file", "x");
    assertEquals(2, unknown.code());
    assertTrue(unknown.err().contains("kinetics"), unknown.err());
  }
}
