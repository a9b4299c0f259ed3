package dev.ovid.web.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** One `ovid ...` command run in-process against the test app: its exit code, stdout and stderr. */
public record CliRun(int exit, String out, String err) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Runs {@code args} with {@code --url base} appended, as a user's shell would. */
  public static CliRun of(URL base, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new OvidCli());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--url");
    all.add(base.toString());
    int exit = cli.execute(all.toArray(String[]::new));
    return new CliRun(exit, out.toString(), err.toString());
  }

  /** The last line of stdout as JSON (what {@code --json} promises). */
  public JsonNode lastLineJson() throws Exception {
    String[] lines = out.strip().split("\n");
    return JSON.readTree(lines[lines.length - 1]);
  }
}
