package dev.ovid.registry.audit;

import dev.ovid.registry.common.Sha256;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The hash chain over audit entries: each entry's hash covers its own fields and the previous
 * entry's hash, so changing, removing or reordering an entry breaks every link after it.
 */
public final class AuditChain {
  /** The "previous hash" of the first chained entry. */
  public static final String GENESIS = "0".repeat(64);

  private AuditChain() {}

  /** Entries store microseconds; hash what the database keeps. */
  public static Instant stored(Instant at) {
    return at.truncatedTo(ChronoUnit.MICROS);
  }

  /** SHA-256 (hex) of the entry's fields, each length-prefixed so no two entries collide. */
  public static String hash(
      long id,
      String prevHash,
      String actor,
      String action,
      String entityType,
      String entityId,
      String detailJson,
      Instant at) {
    StringBuilder text = new StringBuilder();
    Instant micros = stored(at);
    long epochMicros = micros.getEpochSecond() * 1_000_000L + micros.getNano() / 1_000;
    for (String field :
        new String[] {
          Long.toString(id),
          prevHash,
          actor,
          action,
          entityType,
          entityId,
          detailJson,
          Long.toString(epochMicros)
        }) {
      String value = field == null ? "" : field;
      text.append(field == null ? -1 : value.length()).append(':').append(value).append('\n');
    }
    return Sha256.of(text.toString().getBytes(StandardCharsets.UTF_8));
  }

  public static String hashOf(AuditEvent e) {
    return hash(e.id, e.prevHash, e.actor, e.action, e.entityType, e.entityId, e.detailJson, e.at);
  }
}
