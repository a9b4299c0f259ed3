package dev.ovid.web.ui.models;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.ovid.registry.common.OvidException;
import dev.ovid.registry.model.ModelPromotion;
import dev.ovid.web.api.ModelsResource;
import dev.ovid.web.api.ModelsResource.ModelVersionView;
import dev.ovid.web.promotion.PromotionService;
import dev.ovid.web.security.CurrentUser;
import dev.ovid.web.security.Roles;
import dev.ovid.web.ui.MainLayout;
import dev.ovid.web.ui.Notifications;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/**
 * Registered model versions with metrics, lineage (their run) and aliases. ml-ops propose a
 * promotion (or a rollback to an earlier version); approvers approve or reject with a comment.
 */
@Route(value = "models", layout = MainLayout.class)
@PageTitle("Models | Ovid")
@PermitAll
public class ModelsView extends VerticalLayout {
  private final ModelsResource models;
  private final PromotionService promotion;
  private final Grid<ModelVersionView> versions = new Grid<>(ModelVersionView.class, false);
  private final Grid<ModelsResource.PromotionView> promotions =
      new Grid<>(ModelsResource.PromotionView.class, false);
  private final TextField comment = new TextField("Comment");

  public ModelsView(ModelsResource models, PromotionService promotion) {
    this.models = models;
    this.promotion = promotion;
    setSizeFull();
    comment.setId("model-comment");
    comment.setWidth("30em");
    comment.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);

    versions.setId("models-grid");
    versions.addThemeVariants(GridVariant.LUMO_COMPACT);
    versions.addColumn(v -> v.model() + "@" + v.version()).setHeader("Version").setAutoWidth(true);
    versions.addColumn(v -> String.join(", ", v.aliases())).setHeader("Aliases").setAutoWidth(true);
    versions.addColumn(v -> fmt(v.aupr())).setHeader("AUPR").setAutoWidth(true);
    versions.addColumn(v -> fmt(v.peakF1())).setHeader("Peak F1").setAutoWidth(true);
    versions.addColumn(v -> fmt(v.threshold())).setHeader("Threshold").setAutoWidth(true);
    versions
        .addComponentColumn(v -> new Anchor("runs/" + v.runId(), "run " + v.runId()))
        .setHeader("Lineage")
        .setAutoWidth(true);
    versions.addColumn(ModelVersionView::launchedBy).setHeader("Launched by").setAutoWidth(true);
    if (CurrentUser.hasRole(Roles.ML_OPS)) {
      versions
          .addComponentColumn(
              v -> {
                if (v.aliases().contains("production"))
                  return new com.vaadin.flow.component.html.Span();
                Button b = new Button(isOlderThanProduction(v) ? "Roll back to" : "Promote");
                b.addClassName("model-promote-button");
                b.addThemeVariants(ButtonVariant.LUMO_SMALL);
                b.addClickListener(
                    e ->
                        act(
                            () ->
                                promotion.propose(
                                    v.version(), CurrentUser.name(), comment.getValue())));
                return b;
              })
          .setHeader("")
          .setAutoWidth(true);
    }

    promotions.setId("promotions-grid");
    promotions.addThemeVariants(GridVariant.LUMO_COMPACT);
    promotions.addColumn(p -> "v" + p.version()).setHeader("Version").setAutoWidth(true);
    promotions.addColumn(ModelsResource.PromotionView::kind).setHeader("Kind").setAutoWidth(true);
    promotions
        .addColumn(ModelsResource.PromotionView::status)
        .setHeader("Status")
        .setAutoWidth(true);
    promotions.addColumn(ModelsResource.PromotionView::proposedBy).setHeader("Proposed by");
    promotions.addColumn(p -> p.decidedBy() == null ? "" : p.decidedBy()).setHeader("Decided by");
    promotions
        .addColumn(p -> p.decisionComment() == null ? "" : p.decisionComment())
        .setHeader("Comment");
    if (CurrentUser.hasRole(Roles.APPROVER)) {
      promotions
          .addComponentColumn(
              p -> {
                HorizontalLayout buttons = new HorizontalLayout();
                if (!ModelPromotion.Status.PENDING.name().equals(p.status())) return buttons;
                Button approve = new Button("Approve");
                approve.addClassName("promotion-approve-button");
                approve.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_SUCCESS);
                approve.addClickListener(
                    e ->
                        act(
                            () ->
                                promotion.decide(
                                    p.id(), true, CurrentUser.name(), comment.getValue())));
                Button reject = new Button("Reject");
                reject.addClassName("promotion-reject-button");
                reject.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
                reject.addClickListener(
                    e ->
                        act(
                            () ->
                                promotion.decide(
                                    p.id(), false, CurrentUser.name(), comment.getValue())));
                buttons.add(approve, reject);
                return buttons;
              })
          .setHeader("")
          .setAutoWidth(true);
    }
    Button refresh = new Button("Refresh", e -> refresh());
    refresh.setId("models-refresh");
    add(
        new H2("Models"),
        new HorizontalLayout(comment, refresh),
        versions,
        new H3("Promotions"),
        promotions);
    refresh();
  }

  private boolean isOlderThanProduction(ModelVersionView v) {
    return versions
        .getListDataView()
        .getItems()
        .filter(x -> x.aliases().contains("production"))
        .anyMatch(x -> x.version() > v.version());
  }

  private void act(Runnable action) {
    try {
      action.run();
      Notifications.success("Done; the promotion workflow takes it from here");
      refresh();
    } catch (OvidException ex) {
      Notifications.error(ex.getMessage());
    }
  }

  private void refresh() {
    List<ModelVersionView> all = models.versions();
    versions.setItems(all);
    promotions.setItems(models.promotions());
  }

  private static String fmt(Double d) {
    return d == null ? "" : String.format("%.3f", d);
  }
}
