package dev.ovid.web.classify;

import dev.ovid.registry.model.ModelAlias;
import dev.ovid.registry.model.ModelRegistry;
import dev.ovid.registry.model.ModelVersion;
import dev.ovid.registry.temporal.TemporalConnection;
import dev.ovid.registry.vocabulary.VocabularyService;
import dev.ovid.workflows.classification.NearDuplicateWorkflow;
import dev.ovid.workflows.classification.SimilarLabel;
import dev.ovid.workflows.classification.SimilarLabelsRequest;
import io.temporal.client.WorkflowOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * While drafting: embeds labels with the production model's label encoder (on a worker) and reports
 * those close to a label already in the draft, e.g. "close to 'football' (0.96)".
 */
@ApplicationScoped
public class NearDuplicateGuard {
  @Inject ModelRegistry models;
  @Inject VocabularyService vocabularies;
  @Inject TemporalConnection temporal;

  @ConfigProperty(name = "ovid.vocabulary.near-duplicate-threshold")
  double threshold;

  @ConfigProperty(name = "ovid.vocabulary.near-duplicate-timeout")
  Duration timeout;

  public double threshold() {
    return threshold;
  }

  /**
   * Each of {@code candidates} close to another draft label of the vocabulary; empty when there is
   * no production model to judge with.
   */
  public List<SimilarLabel> check(String vocabulary, List<String> candidates) {
    Optional<ModelVersion> production = models.aliased(models.modelName(), ModelAlias.PRODUCTION);
    if (production.isEmpty() || candidates.isEmpty()) return List.of();
    List<String> existing = vocabularies.labels(vocabulary).stream().map(l -> l.name).toList();
    NearDuplicateWorkflow workflow =
        temporal
            .client()
            .newWorkflowStub(
                NearDuplicateWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId("ovid-near-duplicates-" + UUID.randomUUID())
                    .setTaskQueue(temporal.settings().queues().workflows())
                    .setWorkflowExecutionTimeout(timeout)
                    .build());
    return workflow.check(
        new SimilarLabelsRequest(production.get().id, candidates, existing, threshold));
  }
}
