package dev.ovid.activities.curation.annotations;

import dev.ovid.registry.common.Echo;
import dev.ovid.workflows.common.BadInputException;

/**
 * An annotation file that does not follow its format. The message names the file and where: a line
 * ({@code file:12: ...}), a JSON key path ({@code file: database.v_x.annotations[0]: ...}) or a
 * TFRecord byte offset.
 */
public final class AnnotationFormatException extends BadInputException {
  public AnnotationFormatException(String file, String where, String problem) {
    super(file + ": " + clip(where) + ": " + clip(problem));
  }

  public AnnotationFormatException(String file, long line, String problem) {
    super(file + ":" + line + ": " + clip(problem));
  }

  public AnnotationFormatException(String file, String where, String problem, Throwable cause) {
    super(file + ": " + clip(where) + ": " + clip(problem), cause);
  }

  /** Key paths and problems quote the file (JSON keys, ids, cells): never echo a huge one whole. */
  private static String clip(String text) {
    return Echo.clip(text, 300);
  }
}
