package dev.ovid.activities.curation.vocabulary;

/** Why curation removed a label; {@link #key()} is the name used in reports and JSON. */
public enum RemovalReason {
  EMPTY_NAME("empty_name"),
  EXCLUDE_LIST("exclude_list"),
  EXCLUDED_VERTICAL("excluded_vertical"),
  DESCRIPTION_PATTERN("description_pattern"),
  BELOW_MIN_TRAIN_VIDEOS("below_min_train_videos"),
  NOT_IN_TOP("not_in_top");

  private final String key;

  RemovalReason(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }
}
