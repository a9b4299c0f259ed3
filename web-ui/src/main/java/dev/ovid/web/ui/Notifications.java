package dev.ovid.web.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import dev.ovid.web.ui.components.Toasts;

/**
 * The app's two kinds of toast: errors stay longer, successes fade. One at a time: a new toast
 * replaces the previous one (see {@link Toasts}).
 */
public final class Notifications {
  private Notifications() {}

  public static Notification error(String message) {
    Notification notification = new Notification(message, 8000);
    notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
    notification.addClassName("ovid-error");
    return Toasts.replace(notification);
  }

  public static Notification success(String message) {
    Notification notification = new Notification(message, 4000);
    notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    notification.addClassName("ovid-success");
    return Toasts.replace(notification);
  }
}
