package dev.ovid.web.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** The app's two kinds of toast: errors stay until closed or replaced, successes fade. */
public final class Notifications {
  private Notifications() {}

  public static Notification error(String message) {
    Notification notification = Notification.show(message, 8000, Notification.Position.TOP_CENTER);
    notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
    notification.addClassName("ovid-error");
    return notification;
  }

  public static Notification success(String message) {
    Notification notification = Notification.show(message, 4000, Notification.Position.TOP_CENTER);
    notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    notification.addClassName("ovid-success");
    return notification;
  }
}
