package dev.ovid.registry.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
  @Inject AuditVerifier verifier;

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

  @Test
  void eachEntryLinksToTheOneBefore() {
    String entityId = UUID.randomUUID().toString();
    AuditEvent first = audit.record("alice", "test.recorded", "test", entityId, Map.of("n", 1));
    AuditEvent second = audit.record("bob", "test.recorded", "test", entityId, Map.of("n", 2));
    assertEquals(first.hash, second.prevHash);
    assertEquals(AuditChain.hashOf(second), second.hash);
    var history = audit.history("test", entityId);
    assertEquals(second.hash, history.get(1).hash);
    assertTrue(verifier.verify().ok(), verifier.verify().toString());
  }

  @Test
  void aRowChangedBehindTheTriggersBackBreaksTheChainAtThatRow() throws SQLException {
    String entityId = UUID.randomUUID().toString();
    AuditEvent event = audit.record("alice", "test.recorded", "test", entityId, Map.of("k", 1));
    audit.record("alice", "test.after", "test", entityId, null);
    assertTrue(verifier.verify().ok());
    // What a superuser could do: switch the trigger off, rewrite history, switch it on again.
    behindTheTrigger("UPDATE audit_event SET actor = 'mallory' WHERE id = " + event.id);
    try {
      AuditVerifier.Verification broken = verifier.verify();
      assertFalse(broken.ok());
      assertEquals(event.id, broken.firstBadId());
      assertTrue(broken.firstBadEntry().contains("\"actor\":\"mallory\""), broken.firstBadEntry());
      assertTrue(broken.problem().contains("content"), broken.problem());
    } finally {
      behindTheTrigger("UPDATE audit_event SET actor = 'alice' WHERE id = " + event.id);
    }
    assertTrue(verifier.verify().ok());
  }

  private void behindTheTrigger(String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only");
      try {
        statement.execute(sql);
      } finally {
        statement.execute("ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only");
      }
    }
  }
}
