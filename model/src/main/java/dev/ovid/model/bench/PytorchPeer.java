package dev.ovid.model.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The PyTorch side of the model benchmark as a warm child process ({@code model_bench.py}, shipped
 * in this jar): one request per line on its stdin, one answer per line on its stdout, its stderr in
 * {@code pytorch.log} of the work folder.
 */
final class PytorchPeer implements AutoCloseable {
  private final Process process;
  private final BufferedWriter in;
  private final BufferedReader out;
  private final String torchVersion;
  private final Path log;

  PytorchPeer(Path python, Path workDir, int threads) {
    this.log = workDir.resolve("pytorch.log");
    try {
      Path script = workDir.resolve("model_bench.py");
      try (InputStream s = PytorchPeer.class.getResourceAsStream("model_bench.py")) {
        if (s == null) {
          throw new IllegalStateException("model_bench.py is missing from the jar");
        }
        Files.copy(s, script, StandardCopyOption.REPLACE_EXISTING);
      }
      ProcessBuilder pb =
          new ProcessBuilder(
                  List.of(
                      python.toString(),
                      script.toString(),
                      workDir.toString(),
                      Integer.toString(threads)))
              .redirectError(ProcessBuilder.Redirect.to(log.toFile()));
      pb.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
      pb.environment().put("TOKENIZERS_PARALLELISM", "false");
      this.process = pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + python + " (the PyTorch side)", e);
    }
    this.in =
        new BufferedWriter(
            new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
    this.out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String ready = readLine();
    if (!ready.startsWith("ready ")) {
      throw failure("did not start: " + ready);
    }
    this.torchVersion = ready.substring("ready ".length()).trim();
  }

  String torchVersion() {
    return torchVersion;
  }

  /** Sends one request and returns the answer's space-separated fields. */
  String[] request(String what) {
    try {
      in.write(what);
      in.newLine();
      in.flush();
    } catch (IOException e) {
      throw failure("stopped taking requests: " + e.getMessage());
    }
    String answer = readLine();
    if (answer.startsWith("error")) {
      throw failure(answer);
    }
    return answer.trim().split(" ");
  }

  private String readLine() {
    try {
      String line = out.readLine();
      if (line == null) {
        throw failure("exited with " + waitFor());
      }
      return line;
    } catch (IOException e) {
      throw failure(e.getMessage());
    }
  }

  private int waitFor() {
    try {
      return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private IllegalStateException failure(String what) {
    String tail = "";
    try {
      List<String> lines = Files.readAllLines(log);
      tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      tail = "(cannot read " + log + ": " + e.getMessage() + ")";
    }
    return new IllegalStateException(
        "the PyTorch side " + what + "; its log " + log + ":\n" + tail);
  }

  @Override
  public void close() {
    try {
      in.write("quit");
      in.newLine();
      in.flush();
    } catch (IOException e) {
      // it has already gone; destroy below makes sure
    }
    if (waitFor() < 0) {
      process.destroyForcibly();
    }
  }
}
