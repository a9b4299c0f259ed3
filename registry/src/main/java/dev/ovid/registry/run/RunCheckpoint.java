package dev.ovid.registry.run;

import dev.ovid.registry.common.OvidEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A training checkpoint in the object store, recorded when written: a retried or resumed training
 * finds its last one here (heartbeat details are throttled and may never reach Temporal).
 */
@Entity
@Table(name = "run_checkpoint")
public class RunCheckpoint extends OvidEntity {
  @ManyToOne(optional = false)
  @JoinColumn(name = "run_id")
  public TrainingRun run;

  @Column(nullable = false)
  public long step;

  @Column(nullable = false, length = 1000)
  public String uri;

  @Column(nullable = false, length = 64)
  public String sha256;

  @Column(name = "size_bytes", nullable = false)
  public long sizeBytes;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;
}
