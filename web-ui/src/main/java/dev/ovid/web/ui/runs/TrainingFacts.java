package dev.ovid.web.ui.runs;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.Locale;

/** Epoch, step, throughput and time left of a training run, as four figures in a row. */
final class TrainingFacts {
  private TrainingFacts() {}

  static Component of(TrainingPace pace) {
    Div row = new Div();
    row.setId("training-facts");
    row.addClassName("ovid-cards");
    row.add(
        fact("fact-epoch", "Epoch", pace.epoch() + " / " + pace.epochs()),
        fact("fact-step", "Step", pace.step() + " / " + pace.totalSteps()),
        fact(
            "fact-throughput",
            "Throughput",
            pace.stepsPerSecond() == null
                ? "measuring…"
                : pace.samplesPerSecond() != null
                    ? String.format(
                        Locale.ROOT,
                        "%.2f steps/s · %.1f videos/s",
                        pace.stepsPerSecond(),
                        pace.samplesPerSecond())
                    : String.format(Locale.ROOT, "%.2f steps/s", pace.stepsPerSecond())),
        fact(
            "fact-eta",
            "Time left (training)",
            pace.timeLeft() == null ? "measuring…" : "≈ " + TrainingPace.format(pace.timeLeft())));
    return row;
  }

  private static Component fact(String id, String name, String value) {
    Span n = new Span(name);
    n.addClassName("ovid-fact-name");
    Span v = new Span(value);
    v.addClassName("ovid-fact-value");
    Div fact = new Div(n, v);
    fact.setId(id);
    fact.addClassNames("ovid-card", "ovid-fact");
    return fact;
  }
}
