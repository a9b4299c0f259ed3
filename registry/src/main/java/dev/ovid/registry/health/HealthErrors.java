package dev.ovid.registry.health;

/** Turns a failure into the one line a health report shows: no stack trace. */
final class HealthErrors {
  private HealthErrors() {}

  /** The innermost cause's message, which usually names the real problem (refused, timeout). */
  static String oneLine(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String outer = describe(e);
    String inner = describe(root);
    String line = root == e || outer.contains(inner) ? outer : outer + " (" + inner + ")";
    return line.replaceAll("\\s+", " ").trim();
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank()
        ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + ": " + message;
  }
}
