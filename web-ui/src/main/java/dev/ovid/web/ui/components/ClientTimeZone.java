package dev.ovid.web.ui.components;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinSession;
import jakarta.enterprise.event.Observes;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * Asks each new browser tab for its time zone and keeps it in the session for {@link DateTimes};
 * when it differs from what the page was drawn with, the page is drawn again. Also adds the app's
 * plain stylesheet (served from META-INF/resources, no frontend build needed).
 */
public class ClientTimeZone {
  private static final Logger LOG = Logger.getLogger(ClientTimeZone.class);

  /** Responsive rules: the header menu at small widths, wrapping lineage, readable grids. */
  public static final String STYLESHEET = "styles/ovid.css";

  void onServiceInit(@Observes ServiceInitEvent event) {
    event
        .getSource()
        .addUIInitListener(
            init -> {
              UI ui = init.getUI();
              ui.getPage().addStyleSheet(STYLESHEET);
              ui.getPage()
                  .retrieveExtendedClientDetails(details -> remember(ui, details.getTimeZoneId()));
            });
  }

  private static void remember(UI ui, String zoneName) {
    if (zoneName == null || zoneName.isBlank()) return;
    ZoneId zone;
    try {
      zone = ZoneId.of(zoneName);
    } catch (DateTimeException e) {
      LOG.debugf("browser sent unknown time zone %s; keeping the server's", zoneName);
      return;
    }
    VaadinSession session = ui.getSession();
    Object before = session.getAttribute(DateTimes.ZONE_ATTRIBUTE);
    session.setAttribute(DateTimes.ZONE_ATTRIBUTE, zone);
    if (!Objects.equals(before, zone)
        && !zone.equals(ZoneId.systemDefault())
        && ui.getInternals().getActiveViewLocation() != null
        && !ui.getInternals().getActiveRouterTargetsChain().isEmpty()) {
      // Times already drawn used the server's zone.
      ui.refreshCurrentRoute(false);
    }
  }
}
