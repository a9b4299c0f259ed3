package dev.ovid.web.ui.home;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
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
import dev.ovid.web.ui.components.Thresholds;
import dev.ovid.web.ui.models.ModelsView;
import dev.ovid.web.ui.runs.RunsView;
import dev.ovid.web.ui.vocabularies.VocabulariesView;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The landing page: the production model with its metrics, runs in progress, the latest outcomes,
 * vocabularies with unpublished drafts and (for roles that may read it) the newest audit events,
 * each linking onward.
 */
@Route(value = "", layout = MainLayout.class)
@RouteAlias(value = "home", layout = MainLayout.class)
@PageTitle("Home | Ovid")
@PermitAll
public class HomeView extends VerticalLayout {
  /** How many unpublished drafts the vocabularies card lists before it says "and N more". */
  static final int DRAFTS_SHOWN = 8;

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

  /** The production model with its metrics; the newest registered one when it differs. */
  private static Component modelCard(HomeData data, ExternalLinks links) {
    Div card = card("home-model", "Production model");
    var production = data.productionModel();
    production.ifPresentOrElse(
        m -> card.add(modelLines("home-production", m, links)),
        () -> {
          Paragraph none =
              new Paragraph("No model in production yet: ml-ops propose one on the Models page.");
          none.setId("home-no-production");
          card.add(none);
        });
    data.latestModel()
        .filter(m -> production.map(p -> p.id() != m.id()).orElse(true))
        .ifPresent(
            m -> {
              H4 newest = new H4("Newest registered");
              newest.getStyle().set("margin-bottom", "0");
              card.add(newest, modelLines("home-latest", m, links));
            });
    RouterLink all = new RouterLink("Models →", ModelsView.class);
    all.setId("home-models-link");
    card.add(new Div(all));
    return card;
  }

  private static Div modelLines(String id, HomeData.ModelCard m, ExternalLinks links) {
    Div lines = new Div();
    lines.setId(id);
    RouterLink run = runLink(m.runId());
    run.setText(m.modelName() + " v" + m.version() + " from run #" + m.runId());
    lines.add(new Div(run));
    if (m.aupr() != null) {
      Paragraph metrics =
          new Paragraph(
              String.format(
                  Locale.ROOT,
                  "AUPR %.4f · peak F1 %.4f at threshold %s",
                  m.aupr(),
                  m.peakF1(),
                  Thresholds.format(m.threshold())));
      metrics.setId(id + "-metrics");
      metrics.addClassName("home-model-metrics");
      lines.add(metrics);
    } else {
      lines.add(new Paragraph("Not evaluated yet."));
    }
    lines.add(new Div(new Span("registered " + DateTimes.format(m.createdAt()))));
    links
        .mlflowRun(m.mlflowRunId())
        .ifPresent(url -> lines.add(new Div(new Anchor(url, "MLflow run", AnchorTarget.BLANK))));
    return lines;
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

  /** Vocabularies whose draft holds unpublished changes first, each opening its vocabulary. */
  private static Component vocabulariesCard(List<HomeData.VocabularyLine> vocabularies) {
    Div card = card("home-vocabularies", "Vocabularies");
    if (vocabularies.isEmpty()) card.add(new Paragraph("No vocabulary yet."));
    List<HomeData.VocabularyLine> drafts =
        vocabularies.stream()
            .filter(HomeData.VocabularyLine::unpublishedChanges)
            .sorted(Comparator.comparing(HomeData.VocabularyLine::updatedAt).reversed())
            .toList();
    if (!drafts.isEmpty()) {
      H4 title = new H4("Unpublished drafts (" + drafts.size() + ")");
      title.getStyle().set("margin-bottom", "0");
      card.add(title);
    }
    for (HomeData.VocabularyLine v : drafts.subList(0, Math.min(DRAFTS_SHOWN, drafts.size()))) {
      Div line =
          new Div(
              vocabularyLink(v),
              new Span(
                  " · "
                      + v.labels()
                      + " labels · "
                      + (v.published() == null
                          ? "never published"
                          : "changed since v" + v.published())));
      line.addClassName("home-draft");
      card.add(line);
    }
    if (drafts.size() > DRAFTS_SHOWN) {
      card.add(new Paragraph("and " + (drafts.size() - DRAFTS_SHOWN) + " more"));
    }
    long upToDate = vocabularies.size() - drafts.size();
    if (upToDate > 0) {
      Paragraph clean =
          new Paragraph(
              upToDate
                  + (upToDate == 1 ? " vocabulary" : " vocabularies")
                  + " published and up to date.");
      clean.setId("home-vocabularies-published");
      card.add(clean);
    }
    card.add(new Div(new RouterLink("Vocabularies →", VocabulariesView.class)));
    return card;
  }

  private static RouterLink vocabularyLink(HomeData.VocabularyLine v) {
    RouterLink link = new RouterLink(v.name(), VocabulariesView.class);
    link.setQueryParameters(QueryParameters.of(VocabulariesView.NAME_PARAMETER, v.name()));
    return link;
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
