package dev.ovid.registry.common;

/** A named thing (vocabulary, run, dataset version, object) does not exist. Maps to HTTP 404. */
public class NotFoundException extends OvidException {
  public NotFoundException(String message) {
    super(message);
  }

  public static NotFoundException of(String kind, Object key) {
    return new NotFoundException(kind + " " + Echo.quote(key) + " does not exist");
  }
}
