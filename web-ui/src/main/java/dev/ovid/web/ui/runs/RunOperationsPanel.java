package dev.ovid.web.ui.runs;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.ovid.registry.run.RunStatus;
import dev.ovid.registry.run.TrainingRun;
import dev.ovid.web.runs.RunOperations;
import dev.ovid.web.security.CurrentUser;
import dev.ovid.web.ui.Notifications;
import java.util.List;

/**
 * The run page's operations: what the workflow is retrying now (attempt, last failure), and Cancel
 * or Retry from checkpoint for ml-ops users.
 */
final class RunOperationsPanel extends VerticalLayout {

  private final RunOperations operations;
  private final VerticalLayout pendingLines = new VerticalLayout();

  RunOperationsPanel(
      TrainingRun run, RunOperations operations, boolean mayOperate, Runnable after) {
    this.operations = operations;
    setPadding(false);
    setSpacing(false);
    setId("run-operations");
    pendingLines.setPadding(false);
    pendingLines.setSpacing(false);
    add(pendingLines);
    showPending(run);
    addButtons(run, mayOperate, after);
  }

  /**
   * Refreshes what the workflow is running or retrying. The buttons stay as they are (the page
   * polls; re-creating them would swallow a click that lands during a refresh).
   */
  void showPending(TrainingRun run) {
    pendingLines.removeAll();
    List<RunOperations.PendingActivity> pending = List.of();
    try {
      pending = operations.pendingActivities(run);
    } catch (RuntimeException e) {
      pendingLines.add(new Paragraph("Pending activities unavailable: " + e.getMessage()));
    }
    for (RunOperations.PendingActivity a : pending) {
      String line =
          a.activity()
              + ": "
              + a.state().toLowerCase()
              + ", attempt "
              + a.attempt()
              + (a.maximumAttempts() > 0 ? " of " + a.maximumAttempts() : "")
              + (a.lastFailure() == null ? "" : " — last failure: " + a.lastFailure())
              + (a.nextAttemptAt() == null ? "" : " — next attempt at " + a.nextAttemptAt());
      Paragraph p = new Paragraph(line);
      p.addClassName("pending-activity");
      if (a.attempt() > 1) p.setId("run-retrying");
      pendingLines.add(p);
    }
  }

  private void addButtons(TrainingRun run, boolean mayOperate, Runnable after) {
    if (!mayOperate) return;
    HorizontalLayout buttons = new HorizontalLayout();
    if (!run.status.isFinal() && run.workflowId != null) {
      Button cancel = new Button("Cancel run");
      cancel.setId("cancel-run");
      cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
      cancel.addClickListener(
          e -> {
            Dialog confirm = new Dialog();
            confirm.setHeaderTitle("Cancel run #" + run.id + "?");
            confirm.add(new Paragraph("Training stops at its next step and keeps its checkpoint."));
            Button yes =
                new Button(
                    "Cancel run",
                    ok -> {
                      confirm.close();
                      try {
                        operations.cancel(run.id, CurrentUser.name());
                        Notifications.success("Cancellation of run #" + run.id + " requested");
                      } catch (RuntimeException ex) {
                        Notifications.error(ex.getMessage());
                      }
                      after.run();
                    });
            yes.setId("confirm-cancel-run");
            yes.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
            confirm.getFooter().add(new Button("Keep running", no -> confirm.close()), yes);
            confirm.open();
          });
      buttons.add(cancel);
    }
    if (run.status == RunStatus.FAILED || run.status == RunStatus.CANCELLED) {
      Button retry = new Button("Retry from checkpoint");
      retry.setId("retry-run");
      retry.addClickListener(
          e -> {
            try {
              TrainingRun next = operations.retryFromCheckpoint(run.id, CurrentUser.name());
              Notifications.success("Run #" + next.id + " resumes from run #" + run.id);
              getUI().ifPresent(ui -> ui.navigate("runs/" + next.id));
            } catch (RuntimeException ex) {
              Notifications.error(ex.getMessage());
            }
          });
      buttons.add(retry);
    }
    if (buttons.getComponentCount() > 0) add(buttons);
  }
}
