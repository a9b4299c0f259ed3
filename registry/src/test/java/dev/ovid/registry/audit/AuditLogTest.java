package dev.ovid.registry.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditLogTest {
  @Inject AuditLog audit;
  @Inject AgroalDataSource dataSource;

  @Test
  void recordsEventsWithJsonDetail() {
    String entityId = UUID.randomUUID().toString();
    AuditEvent event = audit.record("alice", "test.recorded", "test", entityId, Map.of("k", 1));
    var history = audit.history("test", entityId);
    assertEquals(1, history.size());
    assertEquals(event.id, history.get(0).id);
    assertEquals("{\"k\":1}", history.get(0).detailJson);
    assertEquals("alice", history.get(0).actor);
  }

  @Test
  void theDatabaseRejectsUpdateDeleteAndTruncate() throws SQLException {
    String entityId = UUID.randomUUID().toString();
    long id = audit.record("alice", "test.recorded", "test", entityId, null).id;
    for (String sql :
        new String[] {
          "UPDATE audit_event SET actor = 'mallory' WHERE id = " + id,
          "DELETE FROM audit_event WHERE id = " + id,
          "TRUNCATE audit_event"
        }) {
      try (Connection connection = dataSource.getConnection();
          Statement statement = connection.createStatement()) {
        SQLException e = assertThrows(SQLException.class, () -> statement.execute(sql), sql);
        assertTrue(e.getMessage().contains("append-only"), e.getMessage());
      }
    }
    assertEquals("alice", audit.history("test", entityId).get(0).actor);
  }
}
