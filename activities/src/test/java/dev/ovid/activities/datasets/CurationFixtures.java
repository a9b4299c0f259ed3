package dev.ovid.activities.datasets;

import dev.ovid.activities.curation.demo.DemoVideoWriter;
import dev.ovid.registry.dataset.demo.DemoClip;
import dev.ovid.registry.run.NewRun;
import dev.ovid.registry.run.RunRegistry;
import dev.ovid.registry.vocabulary.NewLabel;
import dev.ovid.registry.vocabulary.Vocabulary;
import dev.ovid.registry.vocabulary.VocabularyService;
import dev.ovid.workflows.pipeline.Hyperparameters;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.testing.TestActivityEnvironment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Real videos, vocabularies and runs for curation tests; unique names, as the database persists.
 */
final class CurationFixtures {
  private CurationFixtures() {}

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A decodable H.264 clip of the demo dataset's kind. */
  static Path video(Path dir, String fileName, String color, String shape) throws Exception {
    Path file = dir.resolve(fileName);
    new DemoVideoWriter().write(new DemoClip(fileName, color, shape, "up", "train"), file);
    return file;
  }

  /** A file named like a video that FFmpeg cannot open. */
  static Path brokenVideo(Path dir, String fileName) throws Exception {
    Path file = dir.resolve(fileName);
    Files.writeString(file, "this is not a video " + UUID.randomUUID(), StandardCharsets.UTF_8);
    return file;
  }

  static Vocabulary vocabulary(VocabularyService vocabularies, String... labels) {
    Vocabulary vocabulary = vocabularies.create(unique("vocab-ds"), "datasets test", "test");
    vocabularies.addLabels(
        vocabulary.name,
        List.of(labels).stream().map(l -> NewLabel.human(l, "test")).toList(),
        "test");
    return vocabulary;
  }

  static long run(RunRegistry runs, String dataset, Vocabulary vocabulary) {
    return runs.create(
            new NewRun(dataset, null, vocabulary.name, Hyperparameters.defaults().asMap(), null),
            "test")
        .id;
  }

  /** No retries: a failure surfaces at once, as the pipeline's BadInput rule would make it. */
  static <T> T stub(TestActivityEnvironment env, Class<T> type) {
    return env.newActivityStub(
        type,
        ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofMinutes(5))
            .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
            .build());
  }

  /** Curates expecting the activity to fail; returns the message the workflow would see. */
  static String curationFailure(
      TestActivityEnvironment env, long runId, String dataset, long vocabularyId) {
    var failure =
        org.junit.jupiter.api.Assertions.assertThrows(
            io.temporal.failure.ActivityFailure.class,
            () ->
                stub(env, dev.ovid.workflows.curation.CurationActivities.class)
                    .curate(
                        new dev.ovid.workflows.curation.CurationRequest(
                            runId, dataset, vocabularyId)));
    return failureMessage(failure);
  }

  /** The message the activity threw, as the workflow sees it. */
  static String failureMessage(Throwable failure) {
    Throwable t = failure;
    while (t.getCause() != null) t = t.getCause();
    if (t instanceof io.temporal.failure.ApplicationFailure app) return app.getOriginalMessage();
    return String.valueOf(t.getMessage());
  }
}
