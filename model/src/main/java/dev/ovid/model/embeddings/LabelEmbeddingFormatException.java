package dev.ovid.model.embeddings;

import java.io.IOException;
import java.nio.file.Path;

/** A label-embedding file that is corrupt, truncated or not one at all; names the file. */
public final class LabelEmbeddingFormatException extends IOException {

  public LabelEmbeddingFormatException(Path file, String problem) {
    super(file + ": " + problem);
  }
}
