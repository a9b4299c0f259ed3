package dev.ovid.web.ui.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ovid.registry.audit.AuditEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditCsvTest {

  @Test
  void quotesFieldsWithCommasQuotesAndLineBreaks() {
    assertEquals("plain", AuditCsv.field("plain"));
    assertEquals("\"a,b\"", AuditCsv.field("a,b"));
    assertEquals("\"say \"\"hi\"\"\"", AuditCsv.field("say \"hi\""));
    assertEquals("\"two\nlines\"", AuditCsv.field("two\nlines"));
    assertEquals("", AuditCsv.field(null));
  }

  @Test
  void defusesSpreadsheetFormulas() {
    assertEquals("\"'=cmd()\"", AuditCsv.field("=cmd()"));
  }

  @Test
  void writesOneLinePerEventUnderAHeader() {
    AuditEvent e = new AuditEvent();
    e.id = 7L;
    e.at = Instant.parse("2026-11-25T10:00:00Z");
    e.actor = "mlops";
    e.action = "run.created";
    e.entityType = "run";
    e.entityId = "3";
    e.detailJson = "{\"dataset\":\"demo\",\"epochs\":2}";
    assertEquals(
        AuditCsv.HEADER
            + "\r\n7,2026-11-25T10:00:00Z,mlops,run.created,run,3,"
            + "\"{\"\"dataset\"\":\"\"demo\"\",\"\"epochs\"\":2}\"\r\n",
        AuditCsv.of(List.of(e)));
  }
}
