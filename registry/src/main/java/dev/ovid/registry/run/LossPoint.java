package dev.ovid.registry.run;

import dev.ovid.registry.common.OvidEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * One training-loss sample of a run, kept here so the UI plots a run's curve without a round trip
 * to MLflow (which holds the same series).
 */
@Entity
@Table(name = "loss_point")
public class LossPoint extends OvidEntity {
  @ManyToOne(optional = false)
  @JoinColumn(name = "run_id")
  public TrainingRun run;

  @Column(nullable = false)
  public long step;

  @Column(nullable = false)
  public double loss;
}
