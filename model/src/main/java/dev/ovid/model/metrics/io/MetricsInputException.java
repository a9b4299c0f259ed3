package dev.ovid.model.metrics.io;

import java.io.IOException;
import java.nio.file.Path;

/** Bad evaluation input: the message names the file and, where there is one, the line. */
public final class MetricsInputException extends IOException {

  private final Path file;
  private final long line;

  public MetricsInputException(Path file, long line, String problem) {
    super(file + (line > 0 ? ":" + line : "") + ": " + problem);
    this.file = file;
    this.line = line;
  }

  public Path file() {
    return file;
  }

  /** 1-based line number, or 0 when the problem concerns the whole file. */
  public long line() {
    return line;
  }
}
