package dev.ovid.web.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import dev.ovid.web.runs.RunLauncher;
import dev.ovid.web.security.CurrentUser;
import dev.ovid.web.security.Roles;
import dev.ovid.web.ui.audit.AuditView;
import dev.ovid.web.ui.datasets.DatasetsView;
import dev.ovid.web.ui.home.HomeView;
import dev.ovid.web.ui.runs.RunsView;
import dev.ovid.web.ui.vocabularies.VocabulariesView;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;

/**
 * The frame around every page: title, the logged-in user with a log-out button, the side
 * navigation, and a warning banner while Temporal is the embedded, non-durable server.
 */
@PermitAll
public class MainLayout extends AppLayout {
  /** Text of the banner shown while workflows run on the in-process Temporal server. */
  public static final String EMBEDDED_BANNER = "embedded Temporal: workflows are not durable";

  @Inject
  public MainLayout(
      RunLauncher launcher,
      @org.eclipse.microprofile.health.Readiness
          jakarta.enterprise.inject.Instance<org.eclipse.microprofile.health.HealthCheck> checks) {
    H1 title = new H1("Ovid");
    title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
    title.addClassName("ovid-title");

    Span user = new Span(CurrentUser.name());
    user.setId("current-user");
    Button logOut = new Button("Log out", VaadinIcon.SIGN_OUT.create(), e -> logOut());
    logOut.setId("logout-button");
    logOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    // Services that are down show here (and in /q/health), never as a stack trace.
    ServiceStatusBar services = new ServiceStatusBar(() -> checks.stream().toList());
    user.addClassName("ovid-wide-only");
    logOut.addClassName("ovid-wide-only");
    // Below 640 px user name and log-out move into this menu (see styles/ovid.css).
    HorizontalLayout account =
        new HorizontalLayout(
            services, user, logOut, AccountMenu.of(CurrentUser.name(), this::logOut));
    account.setAlignItems(Alignment.CENTER);
    account.setSpacing(false);
    account
        .getStyle()
        .set("margin-left", "auto")
        .set("padding-right", "var(--lumo-space-s)")
        .set("gap", "var(--lumo-space-s)");

    HorizontalLayout navbar = new HorizontalLayout(new DrawerToggle(), title, account);
    navbar.setWidthFull();
    navbar.setAlignItems(Alignment.CENTER);

    VerticalLayout top = new VerticalLayout(navbar);
    top.setPadding(false);
    top.setSpacing(false);
    if (launcher.embeddedTemporal()) {
      Div banner = new Div(new Span("⚠ " + EMBEDDED_BANNER));
      banner.setId("embedded-temporal-banner");
      banner
          .getStyle()
          .set("background", "var(--lumo-error-color)")
          .set("color", "var(--lumo-error-contrast-color)")
          .set("padding", "var(--lumo-space-xs) var(--lumo-space-m)")
          .set("width", "100%")
          .set("box-sizing", "border-box")
          .set("font-weight", "600");
      top.add(banner);
    }
    addToNavbar(top);

    SideNav nav = new SideNav();
    nav.setId("side-nav");
    nav.addItem(new SideNavItem("Home", HomeView.class, VaadinIcon.HOME.create()));
    nav.addItem(new SideNavItem("Runs", RunsView.class, VaadinIcon.PLAY_CIRCLE.create()));
    nav.addItem(new SideNavItem("Vocabularies", VocabulariesView.class, VaadinIcon.TAGS.create()));
    nav.addItem(new SideNavItem("Datasets", DatasetsView.class, VaadinIcon.DATABASE.create()));
    nav.addItem(
        new SideNavItem(
            "Benchmarks",
            dev.ovid.web.ui.benchmarks.BenchmarksView.class,
            VaadinIcon.TROPHY.create()));
    nav.addItem(
        new SideNavItem(
            "Schedules",
            dev.ovid.web.ui.schedules.SchedulesView.class,
            VaadinIcon.CALENDAR_CLOCK.create()));
    nav.addItem(
        new SideNavItem(
            "Models", dev.ovid.web.ui.models.ModelsView.class, VaadinIcon.CUBES.create()));
    if (CurrentUser.hasAnyRole(Roles.PRODUCT_OWNER, Roles.ML_OPS)) {
      nav.addItem(
          new SideNavItem(
              "Classify", dev.ovid.web.ui.classify.ClassifyView.class, VaadinIcon.SEARCH.create()));
    }
    nav.addItem(
        new SideNavItem(
            "Video indexes",
            dev.ovid.web.ui.videoindex.VideoIndexView.class,
            VaadinIcon.FILM.create()));
    if (CurrentUser.hasAnyRole(Roles.AUDITOR, Roles.ML_OPS)) {
      nav.addItem(new SideNavItem("Audit log", AuditView.class, VaadinIcon.RECORDS.create()));
    }
    if (CurrentUser.hasRole(Roles.ADMIN)) {
      nav.addItem(
          new SideNavItem(
              "Users", dev.ovid.web.ui.users.UsersView.class, VaadinIcon.USERS.create()));
    }
    addToDrawer(nav);
  }

  private void logOut() {
    getUI()
        .ifPresent(
            ui -> {
              ui.getPage().setLocation("login");
              CurrentUser.logOut();
            });
  }
}
