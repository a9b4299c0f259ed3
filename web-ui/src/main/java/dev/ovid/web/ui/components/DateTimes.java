package dev.ovid.web.ui.components;

import com.vaadin.flow.server.VaadinSession;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The one way the UI shows a point in time: {@code 2026-11-25 14:03:07 CET}, in the viewer's time
 * zone (the browser's, see {@link ClientTimeZone}), the server's until the browser has told us.
 */
public final class DateTimes {
  static final String ZONE_ATTRIBUTE = DateTimes.class.getName() + ".zone";
  private static final String PATTERN = "yyyy-MM-dd HH:mm:ss z";

  private DateTimes() {}

  /** {@code at} in the viewer's zone; empty text for null. */
  public static String format(Instant at) {
    return format(at, zone());
  }

  public static String format(Instant at, ZoneId zone) {
    return at == null ? "" : DateTimeFormatter.ofPattern(PATTERN).withZone(zone).format(at);
  }

  /** The viewer's time zone: the browser's once known, else the server's. */
  public static ZoneId zone() {
    VaadinSession session = VaadinSession.getCurrent();
    Object zone = session == null ? null : session.getAttribute(ZONE_ATTRIBUTE);
    return zone instanceof ZoneId id ? id : ZoneId.systemDefault();
  }
}
