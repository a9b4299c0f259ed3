package dev.ovid.web.ui.components;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;

/**
 * Keeps one toast on screen per browser tab: a new one replaces the last instead of stacking over
 * the page, and they sit at the bottom where they cover no headers or forms.
 */
public final class Toasts {
  public static final Notification.Position POSITION = Notification.Position.BOTTOM_END;

  private Toasts() {}

  /** Closes the tab's previous toast and opens {@code notification} in its place. */
  public static Notification replace(Notification notification) {
    UI ui = UI.getCurrent();
    if (ui != null) {
      Notification previous = ComponentUtil.getData(ui, Notification.class);
      if (previous != null && previous != notification) previous.close();
      ComponentUtil.setData(ui, Notification.class, notification);
    }
    notification.setPosition(POSITION);
    notification.open();
    return notification;
  }
}
