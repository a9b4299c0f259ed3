package dev.ovid.web.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.AppShellSettings;

/**
 * The page head every view shares: Ovid's icon, so browsers show it on tabs and bookmarks instead
 * of asking for a {@code /favicon.ico} that does not exist.
 */
public class OvidAppShell implements AppShellConfigurator {
  /** Served from {@code META-INF/resources}, outside Vaadin's own routes. */
  public static final String ICON = "icons/ovid.svg";

  @Override
  public void configurePage(AppShellSettings settings) {
    settings.addFavIcon("icon", ICON, "any");
  }
}
