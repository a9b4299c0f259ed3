package dev.ovid.activities.curation.annotations;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Reads one public annotation format; errors are {@link AnnotationFormatException}s. */
interface AnnotationReader {
  List<AnnotatedVideo> read(Path file) throws IOException;
}
