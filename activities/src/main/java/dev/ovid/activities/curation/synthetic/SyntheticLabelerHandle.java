package dev.ovid.activities.curation.synthetic;

/**
 * A labeler with whatever it holds open (a teacher's native model memory), closed after use; {@code
 * source} is the provenance written with each label.
 */
record SyntheticLabelerHandle(SyntheticLabeler labeler, String source, AutoCloseable resources)
    implements AutoCloseable {

  static SyntheticLabelerHandle of(ChatCompletionsLabeler labeler) {
    return new SyntheticLabelerHandle(labeler, labeler.source(), () -> {});
  }

  @Override
  public void close() {
    try {
      resources.close();
    } catch (Exception e) {
      throw new IllegalStateException("closing labeler " + source + ": " + e.getMessage(), e);
    }
  }
}
