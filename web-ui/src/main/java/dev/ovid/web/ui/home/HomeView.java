package dev.ovid.web.ui.home;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouterLink;
import dev.ovid.registry.run.RunStatus;
import dev.ovid.web.links.ExternalLinks;
import dev.ovid.web.security.CurrentUser;
import dev.ovid.web.security.Roles;
import dev.ovid.web.ui.MainLayout;
import dev.ovid.web.ui.audit.AuditView;
import dev.ovid.web.ui.components.DateTimes;
import dev.ovid.web.ui.runs.RunsView;
import dev.ovid.web.ui.vocabularies.VocabulariesView;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;

/**
 * The landing page: the newest model with its metrics, runs in progress, the latest outcomes,
 * vocabularies and (for roles that may read it) the newest audit events, each linking onward.
 */
@Route(value = "", layout = MainLayout.class)
@RouteAlias(value = "home", layout = MainLayout.class)
@PageTitle("Home | Ovid")
@PermitAll
public class HomeView extends VerticalLayout {

  @Inject
  public HomeView(HomeData data, ExternalLinks links) {
    setWidthFull();
    setId("home");
    add(new H2("Home"));
    Div cards = new Div();
    cards.addClassName("ovid-cards");
    cards.setWidthFull();
    cards.add(
        modelCard(data, links),
        runsCard("home-in-progress", "Runs in progress", data.runsInProgress(), true));
    cards.add(runsCard("home-outcomes", "Latest outcomes", data.latestOutcomes(), false));
    cards.add(vocabulariesCard(data.vocabularies()));
    if (CurrentUser.hasAnyRole(Roles.AUDITOR, Roles.ML_OPS))
      cards.add(auditCard(data.newestEvents()));
    add(cards);
  }

  private static Div card(String id, String title) {
    Div card = new Div(new H3(title));
    card.setId(id);
    card.addClassName("ovid-card");
    card.getStyle().set("flex", "1 1 22em");
    return card;
  }

  private static Component modelCard(HomeData data, ExternalLinks links) {
    Div card = card("home-model", "Latest registered model");
    data.latestModel()
        .ifPresentOrElse(
            m -> {
              RouterLink run = runLink(m.runId());
              run.setText(m.modelName() + " (Ovid v" + m.version() + ") from run #" + m.runId());
              card.add(new Div(run));
              if (m.aupr() != null) {
                Paragraph metrics =
                    new Paragraph(
                        String.format(
                            Locale.ROOT,
                            "AUPR %.4f · peak F1 %.4f at threshold %.3f",
                            m.aupr(),
                            m.peakF1(),
                            m.threshold()));
                metrics.setId("home-model-metrics");
                card.add(metrics);
              } else {
                card.add(new Paragraph("Not evaluated yet."));
              }
              card.add(new Div(new Span("registered " + DateTimes.format(m.createdAt()))));
              links
                  .mlflowRun(m.mlflowRunId())
                  .ifPresent(
                      url -> card.add(new Div(new Anchor(url, "MLflow run", AnchorTarget.BLANK))));
            },
            () ->
                card.add(
                    new Paragraph("No model registered yet: a run that succeeds registers one.")));
    return card;
  }

  private static Component runsCard(
      String id, String title, List<HomeData.RunLine> runs, boolean live) {
    Div card = card(id, title);
    if (runs.isEmpty()) {
      card.add(new Paragraph(live ? "Nothing running." : "No run has finished yet."));
    }
    for (HomeData.RunLine r : runs) {
      RouterLink link = runLink(r.id());
      link.setText("#" + r.id() + " " + r.dataset() + " · " + r.vocabulary());
      Span status = new Span(r.status().name().toLowerCase(Locale.ROOT));
      status.getElement().getThemeList().add("badge " + badge(r.status()));
      Div line = new Div(link, new Span(" "), status);
      line.addClassName("home-run");
      if (live) {
        ProgressBar bar = new ProgressBar(0, 1, Math.max(0, Math.min(1, r.progress())));
        bar.getElement().setAttribute("aria-label", "run " + r.id() + " progress");
        line.add(bar);
      } else {
        Span when = new Span(" " + DateTimes.format(r.at()));
        when.getStyle()
            .set("color", "var(--lumo-secondary-text-color)")
            .set("font-size", "var(--lumo-font-size-s)");
        line.add(when);
      }
      card.add(line);
    }
    card.add(new Div(new RouterLink("All runs →", RunsView.class)));
    return card;
  }

  private static Component vocabulariesCard(List<HomeData.VocabularyLine> vocabularies) {
    Div card = card("home-vocabularies", "Vocabularies");
    if (vocabularies.isEmpty()) card.add(new Paragraph("No vocabulary yet."));
    for (HomeData.VocabularyLine v : vocabularies) {
      card.add(new Div(new Span(v.name() + " v" + v.version() + " · " + v.labels() + " labels")));
    }
    card.add(new Div(new RouterLink("Vocabularies →", VocabulariesView.class)));
    return card;
  }

  private static Component auditCard(List<HomeData.EventLine> events) {
    Div card = card("home-audit", "Newest audit events");
    for (HomeData.EventLine e : events) {
      Div line =
          new Div(
              new Span(
                  DateTimes.format(e.at())
                      + " · "
                      + e.actor()
                      + " · "
                      + e.action()
                      + " · "
                      + e.entity()));
      line.getStyle().set("font-size", "var(--lumo-font-size-s)");
      card.add(line);
    }
    card.add(new Div(new RouterLink("Audit log →", AuditView.class)));
    return card;
  }

  private static RouterLink runLink(long id) {
    return new RouterLink(
        "#" + id,
        dev.ovid.web.ui.runs.RunDetailView.class,
        new com.vaadin.flow.router.RouteParameters("id", String.valueOf(id)));
  }

  private static String badge(RunStatus status) {
    return switch (status) {
      case SUCCEEDED -> "success";
      case FAILED -> "error";
      default -> "contrast";
    };
  }
}
