package dev.ovid.registry.common;

/**
 * Quotes caller-supplied text inside error messages without echoing all of it: a 5 MB name must not
 * come back in a 400, nor end up whole in a log line or in Temporal's UI.
 */
public final class Echo {
  /** Longest piece of a value an error message quotes. */
  public static final int MAX_QUOTED = 80;

  private Echo() {}

  /** The value between single quotes, cut to {@link #MAX_QUOTED} characters with its length. */
  public static String quote(Object value) {
    if (value == null) return "null";
    return "'" + clip(String.valueOf(value), MAX_QUOTED) + "'";
  }

  /** The text, or its first {@code max} characters and a note of how long it was. */
  public static String clip(String text, int max) {
    if (text == null) return null;
    String flat = text.replaceAll("[\\p{Cntrl}&&[^\t]]", " ");
    if (flat.length() <= max) return flat;
    return flat.substring(0, max) + "… (" + text.length() + " characters)";
  }
}
