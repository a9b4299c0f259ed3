package dev.ovid.web.ui.runs;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import dev.ovid.registry.run.RunStatus;
import dev.ovid.registry.run.TrainingRun;
import dev.ovid.workflows.pipeline.PipelineProgress;
import dev.ovid.workflows.pipeline.PipelineStage;
import java.util.List;
import java.util.Locale;

/** The pipeline's five stages as badges: done, running, waiting (or failed). */
final class StageStrip {
  static final List<PipelineStage> STAGES =
      List.of(
          PipelineStage.CURATE,
          PipelineStage.TRAIN,
          PipelineStage.EXPAND,
          PipelineStage.EVALUATE,
          PipelineStage.REGISTER);

  private StageStrip() {}

  static HorizontalLayout of(TrainingRun run, PipelineProgress progress) {
    int current = currentIndex(run, progress);
    HorizontalLayout strip = new HorizontalLayout();
    strip.setId("run-stages");
    strip.setWrap(true);
    for (int i = 0; i < STAGES.size(); i++) {
      PipelineStage stage = STAGES.get(i);
      String state;
      if (run.status == RunStatus.SUCCEEDED || i < current) {
        state = "done";
      } else if (i == current) {
        state =
            switch (run.status) {
              case FAILED -> "failed";
              case CANCELLED -> "cancelled";
              default -> "running";
            };
      } else {
        state = "waiting";
      }
      Span badge = new Span(stage.name().toLowerCase(Locale.ROOT) + " · " + state);
      badge.getElement().setAttribute("data-stage", stage.name());
      badge.getElement().setAttribute("data-state", state);
      badge
          .getElement()
          .getThemeList()
          .add(
              switch (state) {
                case "done" -> "badge success";
                case "running" -> "badge primary";
                case "failed" -> "badge error";
                default -> "badge contrast";
              });
      strip.add(badge);
    }
    return strip;
  }

  /** Index in {@link #STAGES} of the stage now running; -1 before the first starts. */
  private static int currentIndex(TrainingRun run, PipelineProgress progress) {
    String name =
        progress != null && progress.stage() != null ? progress.stage().name() : run.stage;
    if (name == null) {
      return -1;
    }
    for (int i = 0; i < STAGES.size(); i++) {
      if (STAGES.get(i).name().equalsIgnoreCase(name.trim())) {
        return i;
      }
    }
    return -1;
  }
}
