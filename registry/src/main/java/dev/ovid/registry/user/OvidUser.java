package dev.ovid.registry.user;

import dev.ovid.registry.common.OvidEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** A person who logs in to Ovid: a bcrypt password hash and the roles they hold. */
@Entity
@Table(name = "ovid_user")
public class OvidUser extends OvidEntity {
  @Column(nullable = false, unique = true, length = 100)
  public String username;

  /** bcrypt ($2a$...); null for users who only log in through OIDC. */
  @Column(name = "password_hash", length = 100)
  public String passwordHash;

  /** Comma-separated role names. */
  @Column(nullable = false, length = 500)
  public String roles;

  @Column(nullable = false)
  public boolean enabled;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  public Set<String> roleSet() {
    Set<String> out = new TreeSet<>();
    Arrays.stream(roles.split(",")).map(String::trim).filter(r -> !r.isEmpty()).forEach(out::add);
    return out;
  }

  public static Optional<OvidUser> findByName(String username) {
    return find("username", username).firstResultOptional();
  }
}
