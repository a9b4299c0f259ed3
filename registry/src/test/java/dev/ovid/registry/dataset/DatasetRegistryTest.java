package dev.ovid.registry.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ovid.registry.common.ConflictException;
import dev.ovid.registry.common.Sha256;
import dev.ovid.registry.common.ValidationException;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DatasetRegistryTest {
  @Inject DatasetRegistry datasets;
  @Inject AgroalDataSource dataSource;

  static NewDatasetVersion manifest(String dataset, String content) {
    String sha = Sha256.of(content.getBytes(StandardCharsets.UTF_8));
    return new NewDatasetVersion(
        dataset,
        "s3://ovid-artifacts/datasets/" + sha + ".json",
        sha,
        12,
        5,
        "demo",
        "{\"minLabels\":1}",
        null);
  }

  @Test
  void versionsAreNumberedPerDatasetAndRegistrationIsIdempotentBySha256() {
    String name = "demo-" + UUID.randomUUID();
    DatasetVersion v1 = datasets.register(manifest(name, name + "a"), "curator");
    DatasetVersion v2 = datasets.register(manifest(name, name + "b"), "curator");
    DatasetVersion again = datasets.register(manifest(name, name + "a"), "curator");

    assertEquals(1, v1.version);
    assertEquals(2, v2.version);
    assertEquals(v1.id, again.id);
    assertEquals(v2.id, datasets.latest(name).id);
    assertEquals(v1.id, datasets.find(name, 1).id);
  }

  @Test
  void theSameManifestCannotBelongToTwoDatasetsAndBadDigestsAreRejected() {
    String content = UUID.randomUUID().toString();
    datasets.register(manifest("a-" + content, content), "curator");
    assertThrows(
        ConflictException.class,
        () -> datasets.register(manifest("b-" + content, content), "curator"));
    var bad = new NewDatasetVersion("x", "s3://b/k", "abc", 1, 1, null, null, null);
    assertThrows(ValidationException.class, () -> datasets.register(bad, "curator"));
    var badJson =
        new NewDatasetVersion(
            "x", "s3://b/k", Sha256.of(new byte[] {1}), 1, 1, null, "{oops", null);
    ValidationException e =
        assertThrows(ValidationException.class, () -> datasets.register(badJson, "curator"));
    assertTrue(e.getMessage().contains("line 1"), e.getMessage());
  }

  @Test
  void theDatabaseRefusesToChangeADatasetVersion() throws SQLException {
    String name = "immutable-" + UUID.randomUUID();
    long id = datasets.register(manifest(name, name), "curator").id;
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      SQLException e =
          assertThrows(
              SQLException.class,
              () -> s.execute("UPDATE dataset_version SET video_count = 0 WHERE id = " + id));
      assertTrue(e.getMessage().contains("append-only"), e.getMessage());
      assertThrows(
          SQLException.class, () -> s.execute("DELETE FROM dataset_version WHERE id = " + id));
    }
    assertEquals(12, datasets.get(id).videoCount);
  }
}
