package dev.ovid.registry.user;

import dev.ovid.registry.common.OvidEntity;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One UI log-in, remembered on the server so that logging out ends it for good: a replayed login
 * cookie of an ended session is refused. (Not an {@link OvidEntity}: its key is a random token.)
 */
@Entity
@Table(name = "login_session")
public class LoginSession extends PanacheEntityBase {
  /** Random, unguessable; the browser holds it in the {@code ovid-session} cookie. */
  @Id
  @Column(length = 64)
  public String id;

  @Column(nullable = false, length = 100)
  public String username;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "ended_at")
  public Instant endedAt;
}
