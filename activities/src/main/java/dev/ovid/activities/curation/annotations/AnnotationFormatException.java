package dev.ovid.activities.curation.annotations;

import dev.ovid.workflows.common.BadInputException;

/**
 * An annotation file that does not follow its format. The message names the file and where: a line
 * ({@code file:12: ...}), a JSON key path ({@code file: database.v_x.annotations[0]: ...}) or a
 * TFRecord byte offset.
 */
public final class AnnotationFormatException extends BadInputException {
  public AnnotationFormatException(String file, String where, String problem) {
    super(file + ": " + where + ": " + problem);
  }

  public AnnotationFormatException(String file, long line, String problem) {
    super(file + ":" + line + ": " + problem);
  }

  public AnnotationFormatException(String file, String where, String problem, Throwable cause) {
    super(file + ": " + where + ": " + problem, cause);
  }
}
