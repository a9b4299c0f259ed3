package dev.ovid.web.ui.schedules;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Asks for a past range (ISO-8601 instants) and hands it to {@code action}: the schedule then takes
 * every action it would have taken in that range.
 */
final class BackfillDialog {
  /** What the dialog does with a valid range. */
  interface Action {
    void backfill(String schedule, Instant from, Instant to);
  }

  private BackfillDialog() {}

  static void open(String schedule, Action action) {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle("Backfill " + schedule);
    Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
    TextField from = new TextField("From (UTC, ISO-8601)");
    from.setId("backfill-from");
    from.setValue(now.minus(1, ChronoUnit.DAYS).toString());
    TextField to = new TextField("To (UTC, ISO-8601)");
    to.setId("backfill-to");
    to.setValue(now.toString());
    Paragraph problem = new Paragraph();
    problem.setId("backfill-problem");
    Button run =
        new Button(
            "Backfill",
            e -> {
              try {
                Instant start = Instant.parse(from.getValue().trim());
                Instant end = Instant.parse(to.getValue().trim());
                dialog.close();
                action.backfill(schedule, start, end);
              } catch (DateTimeParseException ex) {
                problem.setText("Give both times as ISO-8601 instants, e.g. 2026-11-01T03:00:00Z");
              }
            });
    run.setId("backfill-run");
    run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Button cancel = new Button("Cancel", e -> dialog.close());
    dialog.add(
        new VerticalLayout(
            new Paragraph(
                "Runs, one after another, every action the schedule would have taken in this"
                    + " past range."),
            from,
            to,
            problem));
    dialog.getFooter().add(cancel, run);
    dialog.open();
  }
}
