package dev.ovid.web.testing;

import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Everything the application logs while open (message, parameters and exception), for tests that
 * check what must never reach a log. Quarkus' log manager feeds the JUL root logger.
 */
public final class LogCapture implements AutoCloseable {
  private final StringBuffer logged = new StringBuffer();
  private final Logger root = Logger.getLogger("");
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logged.append(record.getMessage()).append(' ');
          if (record.getParameters() != null) {
            for (Object p : record.getParameters()) logged.append(p).append(' ');
          }
          if (record.getThrown() != null) logged.append(record.getThrown()).append('\n');
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  public LogCapture() {
    root.addHandler(handler);
  }

  /** What was logged so far. */
  public String text() {
    return logged.toString();
  }

  @Override
  public void close() {
    root.removeHandler(handler);
  }
}
