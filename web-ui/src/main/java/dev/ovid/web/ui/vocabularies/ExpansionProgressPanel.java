package dev.ovid.web.ui.vocabularies;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.shared.Registration;
import dev.ovid.web.expansion.ExpansionLauncher;
import dev.ovid.workflows.expansion.ExpansionProgress;
import org.jboss.logging.Logger;

/**
 * The expansion a publish started, followed through its workflow query: labels embedded of how
 * many, until it is done or failed.
 */
class ExpansionProgressPanel extends VerticalLayout {
  private static final Logger LOG = Logger.getLogger(ExpansionProgressPanel.class);

  private final ExpansionLauncher launcher;
  private final ProgressBar bar = new ProgressBar(0, 1, 0);
  private final Span text = new Span();
  private String workflowId;
  private Registration poll;

  ExpansionProgressPanel(ExpansionLauncher launcher) {
    this.launcher = launcher;
    setId("expansion-progress");
    setPadding(false);
    setSpacing(false);
    text.setId("expansion-progress-text");
    add(bar, text);
    setVisible(false);
  }

  void follow(String workflowId) {
    this.workflowId = workflowId;
    setVisible(true);
    getUI().ifPresent(ui -> ui.setPollInterval(1000));
    refresh();
  }

  private void refresh() {
    if (workflowId == null) return;
    try {
      ExpansionProgress p = launcher.progress(workflowId);
      bar.setValue(Math.max(0, Math.min(1, p.fraction())));
      String labels =
          p.labelsTotal() > 0 ? " (" + p.labelsDone() + " / " + p.labelsTotal() + " labels)" : "";
      text.setText(
          "Expansion for the production model: " + p.state() + labels + " – " + p.message());
      if ("done".equals(p.state()) || "failed".equals(p.state())) stop();
    } catch (RuntimeException e) {
      LOG.warnf(e, "cannot read the progress of expansion %s", workflowId);
      text.setText("cannot read the expansion's progress: " + e.getMessage());
      stop();
    }
  }

  private void stop() {
    workflowId = null;
    getUI().ifPresent(ui -> ui.setPollInterval(-1));
  }

  @Override
  protected void onAttach(AttachEvent event) {
    if (workflowId != null) event.getUI().setPollInterval(1000);
    poll = event.getUI().addPollListener(e -> refresh());
  }

  @Override
  protected void onDetach(DetachEvent event) {
    if (poll != null) poll.remove();
    if (workflowId != null) event.getUI().setPollInterval(-1);
  }
}
