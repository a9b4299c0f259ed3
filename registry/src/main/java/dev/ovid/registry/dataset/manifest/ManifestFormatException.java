package dev.ovid.registry.dataset.manifest;

import dev.ovid.registry.common.ValidationException;

/** A manifest line that cannot be read; names the source and the 1-based line. */
public class ManifestFormatException extends ValidationException {
  public ManifestFormatException(String source, long line, String problem) {
    super(source + ":" + line + ": " + problem);
  }
}
