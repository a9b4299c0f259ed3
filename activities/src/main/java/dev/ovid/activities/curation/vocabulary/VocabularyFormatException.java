package dev.ovid.activities.curation.vocabulary;

/** A vocabulary file that cannot be read as YouTube-8M {@code vocabulary.csv}: says where. */
public final class VocabularyFormatException extends RuntimeException {
  private final String source;
  private final long line;

  public VocabularyFormatException(String source, long line, String problem) {
    this(source, line, problem, null);
  }

  public VocabularyFormatException(String source, long line, String problem, Throwable cause) {
    super(source + ":" + line + ": " + problem, cause);
    this.source = source;
    this.line = line;
  }

  /** The file (or stream name) that was being read. */
  public String source() {
    return source;
  }

  /** The 1-based line on which the bad record starts. */
  public long line() {
    return line;
  }
}
