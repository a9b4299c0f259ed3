package dev.ovid.registry.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ovid.registry.common.ConflictException;
import dev.ovid.registry.common.NotFoundException;
import dev.ovid.registry.common.Sha256;
import dev.ovid.registry.common.ValidationException;
import dev.ovid.registry.run.NewRun;
import dev.ovid.registry.run.RunRegistry;
import dev.ovid.registry.vocabulary.VocabularyService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ModelRegistryTest {
  @Inject ModelRegistry models;
  @Inject RunRegistry runs;
  @Inject VocabularyService vocabularies;

  private ModelVersion version(String modelName, Integer preferred) {
    String vocab = "models-" + UUID.randomUUID();
    vocabularies.create(vocab, null, "po");
    vocabularies.addLabel(vocab, "cat", "po");
    var run = runs.create(new NewRun("demo", null, vocab, Map.of(), null), "mlops");
    String sha = Sha256.of(vocab.getBytes(StandardCharsets.UTF_8));
    return runs.recordModelVersion(
        run.id,
        new NewModelVersion(modelName, "s3://b/" + sha, sha, null, null, null),
        preferred,
        "w");
  }

  @Test
  void noProductionAliasYetIsAConflictThatSaysSo() {
    String name = "m-" + UUID.randomUUID();
    version(name, null);
    ConflictException e = assertThrows(ConflictException.class, () -> models.resolve(name, null));
    assertTrue(e.getMessage().contains("no production model yet"), e.getMessage());
    assertThrows(NotFoundException.class, () -> models.resolve(name, "staging"));
    assertThrows(NotFoundException.class, () -> models.resolve(name, "42"));
    assertThrows(ValidationException.class, () -> models.resolve(name, "Not An Alias!"));
  }

  @Test
  void aliasesMoveAndResolveAndTheVersionNumberFollowsMlflowsWhenFree() {
    String name = "m-" + UUID.randomUUID();
    ModelVersion first = version(name, 7);
    assertEquals(7, first.version, "MLflow's number is taken when it is free");
    ModelVersion second = version(name, 7);
    assertEquals(8, second.version, "a taken number falls back to the next one");
    models.setAlias(first.id, ModelAlias.PRODUCTION, "approver", "first");
    assertEquals(first.id, models.resolve(name, "production").id);
    models.setAlias(second.id, ModelAlias.PRODUCTION, "approver", "second");
    assertEquals(second.id, models.resolve(name, null).id);
    assertEquals(first.id, models.resolve(name, "7").id);
    assertTrue(models.aliasesOf(second.id).contains(ModelAlias.PRODUCTION));
    assertTrue(models.aliasesOf(first.id).isEmpty());
  }
}
