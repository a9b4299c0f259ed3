package dev.ovid.registry.attributes;

import static dev.ovid.registry.audit.AuditLog.detail;

import dev.ovid.registry.audit.AuditLog;
import dev.ovid.registry.common.Sha256;
import dev.ovid.registry.vocabulary.VocabularyVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Records generated label-attribute sets and finds them again by their inputs. */
@ApplicationScoped
public class LabelAttributeSets {
  @Inject AuditLog audit;
  @Inject EntityManager em;

  /** The set made from these inputs, counted as reused. */
  @Transactional
  public Optional<LabelAttributeSet> reuse(String inputsSha256) {
    Optional<LabelAttributeSet> found =
        LabelAttributeSet.find("inputsSha256", inputsSha256).firstResultOptional();
    found.ifPresent(
        s -> {
          s.reuseCount++;
          s.lastUsedAt = Instant.now();
        });
    return found;
  }

  @Transactional
  public Optional<LabelAttributeSet> find(String inputsSha256) {
    return LabelAttributeSet.find("inputsSha256", inputsSha256).firstResultOptional();
  }

  /**
   * Records a set; idempotent: when its inputs already have a row (a concurrent or retried
   * generation stored the same content-addressed object), that row is returned unchanged.
   */
  @Transactional
  public LabelAttributeSet record(NewLabelAttributeSet n, String actor) {
    // Serialise writers of the same inputs so only one row (and one audit entry) is made.
    em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(:k))")
        .setParameter("k", "label-attributes/" + n.inputsSha256())
        .getSingleResult();
    Optional<LabelAttributeSet> existing = find(n.inputsSha256());
    if (existing.isPresent()) return existing.get();
    LabelAttributeSet set = new LabelAttributeSet();
    set.inputsSha256 = Sha256.require("inputsSha256", n.inputsSha256());
    set.generator = n.generator();
    set.model = n.model();
    set.prompt = n.prompt();
    set.attributesPerLabel = n.attributesPerLabel();
    set.labelCount = n.labelCount();
    set.labelsSha256 = Sha256.require("labelsSha256", n.labelsSha256());
    set.vocabularyVersion =
        n.vocabularyVersionId() == null
            ? null
            : VocabularyVersion.findById(n.vocabularyVersionId());
    set.artifactUri = n.artifactUri();
    set.artifactSha256 = Sha256.require("artifactSha256", n.artifactSha256());
    set.createdBy = actor;
    set.createdAt = Instant.now();
    set.persist();
    audit.record(
        actor,
        "attributes.generated",
        "label-attribute-set",
        set.id,
        detail(
            "generator",
            n.generator(),
            "model",
            n.model(),
            "attributesPerLabel",
            n.attributesPerLabel(),
            "labels",
            n.labelCount(),
            "vocabularyVersionId",
            n.vocabularyVersionId(),
            "uri",
            n.artifactUri(),
            "sha256",
            n.artifactSha256()));
    return set;
  }

  /** Every set, newest first. */
  @Transactional
  public List<LabelAttributeSet> all() {
    return LabelAttributeSet.list("order by id desc");
  }
}
