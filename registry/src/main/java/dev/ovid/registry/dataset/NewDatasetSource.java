package dev.ovid.registry.dataset;

/**
 * What a user registers as a dataset source; see {@link DatasetSource} for the fields. {@code
 * unreadablePolicy} null means FAIL.
 */
public record NewDatasetSource(
    String name,
    DatasetSourceKind kind,
    String location,
    String videoRoot,
    UnreadableVideoHandling unreadablePolicy,
    String description,
    String vocabularyLocation,
    String curationRulesJson) {

  /** A manifest or Kinetics CSV source (no YouTube-8M vocabulary). */
  public NewDatasetSource(
      String name,
      DatasetSourceKind kind,
      String location,
      String videoRoot,
      UnreadableVideoHandling unreadablePolicy,
      String description) {
    this(name, kind, location, videoRoot, unreadablePolicy, description, null, null);
  }
}
