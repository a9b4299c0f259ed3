package dev.ovid.web.ui.components;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.details.Details;

/**
 * A foldable section that starts open on a wide window and closed on a phone, so long forms do not
 * push the content a person came for below several screens.
 */
public final class WideOpen {
  /** Windows at least this wide (CSS pixels) start with the section open; as in styles/ovid.css. */
  public static final int WIDE_PX = 641;

  private WideOpen() {}

  public static Details of(String id, String summary, Component content) {
    Details details = new Details(summary, content);
    details.setId(id);
    details.setWidthFull();
    details.setOpened(true);
    UI ui = UI.getCurrent();
    if (ui != null) {
      ui.getPage()
          .retrieveExtendedClientDetails(
              client -> details.setOpened(client.getWindowInnerWidth() >= WIDE_PX));
    }
    return details;
  }
}
