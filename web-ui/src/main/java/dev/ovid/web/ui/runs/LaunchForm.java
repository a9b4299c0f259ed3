package dev.ovid.web.ui.runs;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import dev.ovid.registry.common.OvidException;
import dev.ovid.registry.run.TrainingRun;
import dev.ovid.registry.vocabulary.Vocabulary;
import dev.ovid.web.runs.LaunchRequest;
import dev.ovid.web.runs.RunLauncher;
import dev.ovid.web.security.CurrentUser;
import dev.ovid.web.ui.Notifications;
import dev.ovid.workflows.pipeline.Hyperparameters;
import dev.ovid.workflows.pipeline.ModelPreset;
import dev.ovid.workflows.pipeline.ModelSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

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
  final Checkbox learnTemperature = new Checkbox("Learn τ (starts at the value above)");
  final NumberField negativeWeight =
      number("Negative weight w", "launch-negative-weight", "(0, 100]");
  final NumberField swrLambda = number("SWR λ", "launch-swr-lambda", "[0, 1]");
  final IntegerField temporalLayers =
      integer("Temporal layers T", "launch-temporal-layers", "0 (frame mean) to 24");
  final IntegerField checkpointEvery =
      integer("Checkpoint every N steps", "launch-checkpoint-every", "at least 1");
  final IntegerField seed = integer("Seed", "launch-seed", "any integer");
  final ComboBox<String> precision = new ComboBox<>("Precision");
  final ComboBox<ModelPreset> preset = new ComboBox<>("Preset");
  final TextField backbone = new TextField("Backbone");
  final ComboBox<String> labelEncoder = new ComboBox<>("Label encoder");
  final IntegerField prefixes = integer("Prefixes N", "launch-prefixes", "1 to 64");
  final IntegerField attributes = integer("Attributes K", "launch-attributes", "1 to 64");
  final IntegerField attributeLength =
      integer("Attribute length L", "launch-attribute-length", "1 to 64");
  final IntegerField promptLayers =
      integer("Prompt transformer layers", "launch-prompt-layers", "0 to 12");
  final IntegerField promptHeads =
      integer("Prompt transformer heads", "launch-prompt-heads", "1 to 64");
  final NumberField softPromptScale =
      number(
          "Soft prompt size",
          "launch-soft-prompt-scale",
          "(0, 10] token sizes; empty: " + ModelSpec.DEFAULT_SOFT_PROMPT_SCALE);
  final NumberField answerAnchor =
      number("Answer anchor weight", "launch-answer-anchor", "0 (off) to 1000; not in the paper");
  final Checkbox swr = new Checkbox("Stochastic weight regularization");
  final NumberField evalAlpha = number("Evaluation α", "launch-eval-alpha", "[0, 1]; empty: λ/2");
  final NumberField weightDecay = number("Weight decay", "launch-weight-decay", "[0, 1]");
  final Checkbox decayTowardFrozen = new Checkbox("Copied CLIP weights decay toward CLIP");
  final IntegerField warmupSteps = integer("Warm-up steps", "launch-warmup-steps", "0 or more");
  final NumberField gradientClip =
      number("Gradient clip norm", "launch-gradient-clip", "0 disables");
  final Button launch = new Button("Launch run");

  LaunchForm(
      RunLauncher launcher,
      List<Vocabulary> vocabularies,
      Function<Vocabulary, String> vocabularyLabel,
      Consumer<TrainingRun> onLaunched) {
    this.launcher = launcher;
    this.onLaunched = onLaunched;
    setPadding(false);

    dataset.setId("launch-dataset");
    dataset.setItems(launcher.datasetNames());
    dataset.setRequired(true);
    vocabulary.setId("launch-vocabulary");
    vocabulary.setItems(vocabularies);
    vocabulary.setItemLabelGenerator(vocabularyLabel::apply);
    vocabulary.setRequired(true);
    preset.setId("launch-preset");
    preset.setItems(ModelPreset.all());
    preset.setItemLabelGenerator(p -> p.name() + ": " + p.description());
    preset.setHelperText("fills the model fields with the paper's values for that configuration");
    preset.addValueChangeListener(
        e -> {
          if (e.getValue() != null) {
            showModel(e.getValue().applyTo(currentOrDefaults()));
          }
        });
    backbone.setId("launch-backbone");
    backbone.setHelperText(
        "shapes-pretrained, tiny-random, clip:<dir> or clip+t5:<clipDir>,<t5Dir>");
    labelEncoder.setId("launch-label-encoder");
    labelEncoder.setItems(ModelSpec.LABEL_ENCODERS);
    swr.setId("launch-swr");
    decayTowardFrozen.setId("launch-decay-toward-frozen");
    precision.setId("launch-precision");
    precision.setItems(Hyperparameters.PRECISIONS);
    precision.setHelperText(
        "auto: bf16 mixed precision where the worker's hardware computes it natively, fp16 with"
            + " loss scaling on GPUs of compute capability 7.x, else fp32");
    learnTemperature.setId("launch-learn-temperature");
    learnTemperature.setTooltipText(
        "τ becomes a trainable parameter log(1/τ) as in CLIP, clamped to τ ≥ 0.01; unticked, τ"
            + " stays fixed");
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

  private void resetHyperparameters() {
    Hyperparameters d = Hyperparameters.defaults();
    preset.setValue(ModelPreset.named(ModelPreset.PAPER));
    showModel(ModelPreset.named(ModelPreset.PAPER).applyTo(d));
    epochs.setValue(d.epochs());
    batchSize.setValue(d.batchSize());
    learningRate.setValue(d.learningRate());
    temperature.setValue(d.temperature());
    negativeWeight.setValue(d.negativeWeight());
    checkpointEvery.setValue(d.checkpointEverySteps());
    seed.setValue((int) d.seed());
    precision.setValue(d.precision());
  }

  private Hyperparameters currentOrDefaults() {
    Hyperparameters d = Hyperparameters.defaults();
    return new Hyperparameters(
        epochs.isEmpty() ? d.epochs() : epochs.getValue(),
        batchSize.isEmpty() ? d.batchSize() : batchSize.getValue(),
        learningRate.isEmpty() ? d.learningRate() : learningRate.getValue(),
        temperature.isEmpty() ? d.temperature() : temperature.getValue(),
        negativeWeight.isEmpty() ? d.negativeWeight() : negativeWeight.getValue(),
        d.swrLambda(),
        d.temporalLayers(),
        checkpointEvery.isEmpty() ? d.checkpointEverySteps() : checkpointEvery.getValue(),
        seed.isEmpty() ? d.seed() : seed.getValue().longValue(),
        d.model(),
        precision.isEmpty() ? d.precision() : precision.getValue());
  }

  /** Shows the model choices, T and λ of {@code h}. */
  private void showModel(Hyperparameters h) {
    ModelSpec m = h.model();
    swrLambda.setValue(h.swrLambda());
    temporalLayers.setValue(h.temporalLayers());
    backbone.setValue(m.backbone());
    labelEncoder.setValue(m.labelEncoder());
    prefixes.setValue(m.prefixes());
    attributes.setValue(m.attributes());
    attributeLength.setValue(m.attributeLength());
    promptLayers.setValue(m.promptLayers());
    promptHeads.setValue(m.promptHeads());
    softPromptScale.setValue(m.softPromptScale());
    answerAnchor.setValue(m.answerAnchorWeight());
    swr.setValue(m.swr());
    evalAlpha.setValue(m.evalAlpha());
    weightDecay.setValue(m.weightDecay());
    decayTowardFrozen.setValue(m.decayTowardFrozen());
    warmupSteps.setValue(m.warmupSteps());
    gradientClip.setValue(m.gradientClipNorm());
    learnTemperature.setValue(m.learnTemperature());
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
    byName.put("precision", precision);
    byName.put("model.prefixes", prefixes);
    byName.put("model.attributes", attributes);
    byName.put("model.attributeLength", attributeLength);
    byName.put("model.promptLayers", promptLayers);
    byName.put("model.promptHeads", promptHeads);
    byName.put("model.weightDecay", weightDecay);
    byName.put("model.warmupSteps", warmupSteps);
    byName.put("model.gradientClipNorm", gradientClip);
    byName.put("model.answerAnchorWeight", answerAnchor);
    byName.forEach(
        (name, field) -> {
          if (field.isEmpty()) {
            problems.put(field, name + " must be a number");
          }
        });
    Map<String, AbstractField<?, ?>> optional = new LinkedHashMap<>();
    optional.put("model.backbone", backbone);
    optional.put("model.labelEncoder", labelEncoder);
    optional.put("model.evalAlpha", evalAlpha);
    optional.put("model.softPromptScale", softPromptScale);
    if (backbone.getValue().isBlank()) problems.put(backbone, "model.backbone is required");
    if (labelEncoder.isEmpty()) problems.put(labelEncoder, "choose a label encoder");
    Hyperparameters hyperparameters = null;
    if (problems.isEmpty()) {
      ModelSpec model =
          new ModelSpec(
              backbone.getValue().strip(),
              labelEncoder.getValue(),
              prefixes.getValue(),
              attributes.getValue(),
              attributeLength.getValue(),
              promptLayers.getValue(),
              promptHeads.getValue(),
              swr.getValue(),
              evalAlpha.getValue(),
              weightDecay.getValue(),
              decayTowardFrozen.getValue(),
              warmupSteps.getValue(),
              gradientClip.getValue(),
              learnTemperature.getValue(),
              softPromptScale.getValue(),
              answerAnchor.getValue());
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
              seed.getValue().longValue(),
              model,
              precision.getValue());
      for (String problem : hyperparameters.problems()) {
        String field = problem.split(" ", 2)[0];
        problems.put(byName.getOrDefault(field, optional.getOrDefault(field, epochs)), problem);
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
        learnTemperature,
        negativeWeight,
        swrLambda,
        temporalLayers,
        checkpointEvery,
        seed,
        precision,
        preset,
        backbone,
        labelEncoder,
        prefixes,
        attributes,
        attributeLength,
        promptLayers,
        promptHeads,
        softPromptScale,
        answerAnchor,
        swr,
        evalAlpha,
        weightDecay,
        decayTowardFrozen,
        warmupSteps,
        gradientClip);
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
