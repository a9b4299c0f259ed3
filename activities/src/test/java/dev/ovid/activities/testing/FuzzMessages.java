package dev.ovid.activities.testing;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every fuzz target asks of the one exception its reader may throw: a message that names the
 * input and is short enough to read (never the whole input echoed back).
 */
public final class FuzzMessages {
  /** Longest message a parser error may have. */
  public static final int MAX_LENGTH = 1000;

  private FuzzMessages() {}

  public static void assertClear(Throwable e, String source) {
    String message = e.getMessage();
    assertNotNull(message, "no message");
    assertTrue(message.startsWith(source), "message does not name the input: " + message);
    assertTrue(message.length() <= MAX_LENGTH, "message of " + message.length() + " characters");
  }
}
