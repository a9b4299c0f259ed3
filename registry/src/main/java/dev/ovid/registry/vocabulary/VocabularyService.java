package dev.ovid.registry.vocabulary;

import static dev.ovid.registry.audit.AuditLog.detail;

import dev.ovid.registry.audit.AuditLog;
import dev.ovid.registry.common.ConflictException;
import dev.ovid.registry.common.NotFoundException;
import dev.ovid.registry.common.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Creates vocabularies and changes their labels. Every change bumps the vocabulary's version and
 * writes an audit event in the same transaction; a failing call changes nothing.
 */
@ApplicationScoped
public class VocabularyService {
  static final int MAX_NAME = 200;
  static final int MAX_LABEL = 500;
  static final int MAX_DESCRIPTION = 4000;

  @Inject AuditLog audit;

  @Transactional
  public Vocabulary create(String name, String description, String actor) {
    String clean =
        checkLength("vocabulary name", ValidationException.requireText("name", name), MAX_NAME);
    if (Vocabulary.findByName(clean).isPresent()) {
      throw new ConflictException("vocabulary '" + clean + "' already exists");
    }
    Vocabulary vocabulary = new Vocabulary();
    vocabulary.name = clean;
    vocabulary.description = checkDescription(description);
    vocabulary.version = 1;
    vocabulary.createdAt = Instant.now();
    vocabulary.updatedAt = vocabulary.createdAt;
    vocabulary.persist();
    audit.record(
        actor,
        "vocabulary.created",
        "vocabulary",
        vocabulary.id,
        detail("name", clean, "description", description));
    return vocabulary;
  }

  @Transactional
  public Vocabulary updateDescription(String vocabularyName, String description, String actor) {
    Vocabulary vocabulary = lockByName(vocabularyName);
    vocabulary.description = checkDescription(description);
    bump(vocabulary);
    audit.record(
        actor,
        "vocabulary.description-changed",
        "vocabulary",
        vocabulary.id,
        detail("version", vocabulary.version, "description", description));
    return vocabulary;
  }

  /** Adds one human label typed by {@code actor}. */
  @Transactional
  public Label addLabel(String vocabularyName, String labelName, String actor) {
    return addLabels(vocabularyName, List.of(NewLabel.human(labelName, "ui")), actor).get(0);
  }

  /**
   * Adds labels all-or-nothing: a name already in the vocabulary (or repeated in the request) is a
   * {@link ConflictException} and nothing is added. Bumps the version once.
   */
  @Transactional
  public List<Label> addLabels(String vocabularyName, List<NewLabel> labels, String actor) {
    if (labels == null || labels.isEmpty()) {
      throw new ValidationException("no labels given");
    }
    Vocabulary vocabulary = lockByName(vocabularyName);
    Set<String> existing = new HashSet<>();
    Label.ofVocabulary(vocabulary).forEach(l -> existing.add(l.name));
    Set<String> seen = new HashSet<>();
    for (NewLabel label : labels) {
      String clean =
          checkLength(
              "label name", ValidationException.requireText("label name", label.name()), MAX_LABEL);
      if (label.provenance() == null) {
        throw new ValidationException(
            "label '" + clean + "' has no provenance (HUMAN or SYNTHETIC)");
      }
      if (existing.contains(clean) || !seen.add(clean)) {
        throw new ConflictException(
            "label '" + clean + "' already exists in vocabulary '" + vocabulary.name + "'");
      }
    }
    bump(vocabulary);
    List<Label> added = new ArrayList<>();
    for (NewLabel request : labels) {
      Label label = new Label();
      label.vocabulary = vocabulary;
      label.name = request.name().trim();
      label.provenance = request.provenance();
      label.source = request.source();
      label.score = request.score();
      label.createdAt = vocabulary.updatedAt;
      label.persist();
      added.add(label);
    }
    audit.record(
        actor,
        "vocabulary.labels-added",
        "vocabulary",
        vocabulary.id,
        detail("version", vocabulary.version, "labels", added.stream().map(l -> l.name).toList()));
    return added;
  }

  @Transactional
  public void removeLabel(String vocabularyName, String labelName, String actor) {
    Vocabulary vocabulary = lockByName(vocabularyName);
    Label label =
        Label.<Label>find("vocabulary = ?1 and name = ?2", vocabulary, labelName)
            .firstResultOptional()
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "label '"
                            + labelName
                            + "' is not in vocabulary '"
                            + vocabulary.name
                            + "'"));
    label.delete();
    bump(vocabulary);
    audit.record(
        actor,
        "vocabulary.label-removed",
        "vocabulary",
        vocabulary.id,
        detail("version", vocabulary.version, "label", labelName, "provenance", label.provenance));
  }

  @Transactional
  public List<Vocabulary> list() {
    return Vocabulary.list("order by name");
  }

  /** The vocabulary called {@code name}; {@link NotFoundException} if there is none. */
  @Transactional
  public Vocabulary find(String name) {
    return Vocabulary.findByName(name).orElseThrow(() -> NotFoundException.of("vocabulary", name));
  }

  @Transactional
  public Vocabulary get(long id) {
    Vocabulary vocabulary = Vocabulary.findById(id);
    if (vocabulary == null) {
      throw NotFoundException.of("vocabulary", id);
    }
    return vocabulary;
  }

  /** The labels of a vocabulary, by name. */
  @Transactional
  public List<Label> labels(String vocabularyName) {
    return Label.ofVocabulary(find(vocabularyName));
  }

  private Vocabulary lockByName(String name) {
    Vocabulary vocabulary = find(name);
    return Vocabulary.findById(vocabulary.id, LockModeType.PESSIMISTIC_WRITE);
  }

  private static void bump(Vocabulary vocabulary) {
    vocabulary.version++;
    vocabulary.updatedAt = Instant.now();
  }

  private static String checkDescription(String description) {
    return description == null
        ? null
        : checkLength("vocabulary description", description, MAX_DESCRIPTION);
  }

  private static String checkLength(String what, String value, int max) {
    if (value.length() > max) {
      throw new ValidationException(what + " is longer than " + max + " characters");
    }
    return value;
  }
}
