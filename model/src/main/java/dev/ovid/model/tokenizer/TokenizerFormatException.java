package dev.ovid.model.tokenizer;

import java.io.IOException;
import java.nio.file.Path;

/** A tokenizer file that cannot be used; the message names the file and, where known, the line. */
public final class TokenizerFormatException extends IOException {

  public TokenizerFormatException(Path file, String problem) {
    super(file + ": " + problem);
  }

  public TokenizerFormatException(Path file, int line, String problem) {
    super(file + ":" + line + ": " + problem);
  }
}
