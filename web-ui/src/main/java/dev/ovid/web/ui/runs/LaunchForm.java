package dev.ovid.web.ui.runs;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import dev.ovid.registry.common.OvidException;
import dev.ovid.registry.run.TrainingRun;
import dev.ovid.registry.vocabulary.Vocabulary;
import dev.ovid.web.runs.LaunchRequest;
import dev.ovid.web.runs.RunLauncher;
import dev.ovid.web.security.CurrentUser;
import dev.ovid.web.ui.Notifications;
import dev.ovid.workflows.pipeline.Hyperparameters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Launches a pipeline: dataset, vocabulary and the hyperparameters, pre-filled with their defaults.
 * Problems are shown on the fields and in one notification; nothing is launched until all are
 * fixed.
 */
class LaunchForm extends VerticalLayout {
  private final RunLauncher launcher;
  private final Consumer<TrainingRun> onLaunched;

  final ComboBox<String> dataset = new ComboBox<>("Dataset");
  final ComboBox<Vocabulary> vocabulary = new ComboBox<>("Vocabulary");
  final IntegerField epochs = integer("Epochs", "launch-epochs", "1 to 1000");
  final IntegerField batchSize = integer("Batch size", "launch-batch-size", "1 to 1024");
  final NumberField learningRate = number("Learning rate", "launch-learning-rate", "(0, 1]");
  final NumberField temperature = number("Temperature τ", "launch-temperature", "(0, 10]");
  final NumberField negativeWeight =
      number("Negative weight w", "launch-negative-weight", "(0, 100]");
  final NumberField swrLambda = number("SWR λ", "launch-swr-lambda", "[0, 1]");
  final IntegerField temporalLayers =
      integer("Temporal layers T", "launch-temporal-layers", "1 to 24");
  final IntegerField checkpointEvery =
      integer("Checkpoint every N steps", "launch-checkpoint-every", "at least 1");
  final IntegerField seed = integer("Seed", "launch-seed", "any integer");
  final Button launch = new Button("Launch run");

  LaunchForm(
      RunLauncher launcher, List<Vocabulary> vocabularies, Consumer<TrainingRun> onLaunched) {
    this.launcher = launcher;
    this.onLaunched = onLaunched;
    setPadding(false);

    dataset.setId("launch-dataset");
    dataset.setItems(launcher.datasetNames());
    dataset.setRequired(true);
    vocabulary.setId("launch-vocabulary");
    vocabulary.setItems(vocabularies);
    vocabulary.setItemLabelGenerator(v -> v.name + " (v" + v.version + ")");
    vocabulary.setRequired(true);
    resetHyperparameters();

    launch.setId("launch-button");
    launch.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    launch.addClickListener(e -> launch());

    FormLayout form = new FormLayout(fields().toArray(com.vaadin.flow.component.Component[]::new));
    form.setResponsiveSteps(
        new FormLayout.ResponsiveStep("0", 1),
        new FormLayout.ResponsiveStep("600px", 2),
        new FormLayout.ResponsiveStep("1000px", 4));
    add(new H3("Launch a pipeline"), form, launch);
  }

  void setVocabularies(List<Vocabulary> vocabularies) {
    Vocabulary selected = vocabulary.getValue();
    vocabulary.setItems(vocabularies);
    if (selected != null) {
      vocabularies.stream()
          .filter(v -> v.id.equals(selected.id))
          .findFirst()
          .ifPresent(vocabulary::setValue);
    }
  }

  private void resetHyperparameters() {
    Hyperparameters d = Hyperparameters.defaults();
    epochs.setValue(d.epochs());
    batchSize.setValue(d.batchSize());
    learningRate.setValue(d.learningRate());
    temperature.setValue(d.temperature());
    negativeWeight.setValue(d.negativeWeight());
    swrLambda.setValue(d.swrLambda());
    temporalLayers.setValue(d.temporalLayers());
    checkpointEvery.setValue(d.checkpointEverySteps());
    seed.setValue((int) d.seed());
  }

  private void launch() {
    Map<AbstractField<?, ?>, String> problems = new LinkedHashMap<>();
    clearErrors();
    if (dataset.isEmpty()) problems.put(dataset, "choose a dataset");
    if (vocabulary.isEmpty()) problems.put(vocabulary, "choose a vocabulary");
    Map<String, AbstractField<?, ?>> byName = new LinkedHashMap<>();
    byName.put("epochs", epochs);
    byName.put("batchSize", batchSize);
    byName.put("learningRate", learningRate);
    byName.put("temperature", temperature);
    byName.put("negativeWeight", negativeWeight);
    byName.put("swrLambda", swrLambda);
    byName.put("temporalLayers", temporalLayers);
    byName.put("checkpointEverySteps", checkpointEvery);
    byName.put("seed", seed);
    byName.forEach(
        (name, field) -> {
          if (field.isEmpty()) {
            problems.put(field, name + " must be a number");
          }
        });
    Hyperparameters hyperparameters = null;
    if (problems.isEmpty()) {
      hyperparameters =
          new Hyperparameters(
              epochs.getValue(),
              batchSize.getValue(),
              learningRate.getValue(),
              temperature.getValue(),
              negativeWeight.getValue(),
              swrLambda.getValue(),
              temporalLayers.getValue(),
              checkpointEvery.getValue(),
              seed.getValue().longValue());
      for (String problem : hyperparameters.problems()) {
        String field = problem.split(" ", 2)[0];
        problems.put(byName.getOrDefault(field, epochs), problem);
      }
    }
    if (!problems.isEmpty()) {
      problems.forEach(this::markInvalid);
      Notifications.error("Cannot launch: " + String.join("; ", problems.values()));
      return;
    }
    try {
      TrainingRun run =
          launcher.launch(
              new LaunchRequest(
                  dataset.getValue(), vocabulary.getValue().id, hyperparameters, null),
              CurrentUser.name());
      Notifications.success("Run " + run.id + " launched");
      onLaunched.accept(run);
    } catch (OvidException e) {
      Notifications.error("Cannot launch: " + e.getMessage());
    }
  }

  private void clearErrors() {
    for (var field : fields()) {
      if (field instanceof HasValidation v) {
        v.setInvalid(false);
        v.setErrorMessage(null);
      }
    }
  }

  private void markInvalid(AbstractField<?, ?> field, String message) {
    if (field instanceof HasValidation v) {
      v.setErrorMessage(message);
      v.setInvalid(true);
    }
  }

  private List<AbstractField<?, ?>> fields() {
    return List.<AbstractField<?, ?>>of(
        dataset,
        vocabulary,
        epochs,
        batchSize,
        learningRate,
        temperature,
        negativeWeight,
        swrLambda,
        temporalLayers,
        checkpointEvery,
        seed);
  }

  private static IntegerField integer(String label, String id, String range) {
    IntegerField field = new IntegerField(label);
    // Sync as typed, so a click on Launch never races the field's change event.
    field.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
    field.setId(id);
    field.setHelperText(range);
    return field;
  }

  private static NumberField number(String label, String id, String range) {
    NumberField field = new NumberField(label);
    // Sync as typed, so a click on Launch never races the field's change event.
    field.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
    field.setId(id);
    field.setHelperText(range);
    return field;
  }
}
