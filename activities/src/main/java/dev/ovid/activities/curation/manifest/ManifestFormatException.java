package dev.ovid.activities.curation.manifest;

import dev.ovid.workflows.common.BadInputException;

/** A manifest line that cannot be read; names the source and the 1-based line. */
public class ManifestFormatException extends BadInputException {
  public ManifestFormatException(String source, long line, String problem) {
    super(source + ":" + line + ": " + problem);
  }
}
