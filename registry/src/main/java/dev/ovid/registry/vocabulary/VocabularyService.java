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
 * Creates vocabularies and changes their draft labels. Every change bumps the vocabulary's draft
 * revision ({@code version}) and writes an audit event in the same transaction; a failing call
 * changes nothing. Publishing the draft as an immutable version is {@link VocabularyVersions}.
 */
@ApplicationScoped
public class VocabularyService {
  static final int MAX_NAME = 200;
  static final int MAX_LABEL = 200;
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
   * Adds labels to the draft all-or-nothing. Names are trimmed, non-empty, at most {@value
   * #MAX_LABEL} characters and unique case-insensitively; every problem names its label and the
   * reason. A name already in the vocabulary (or repeated in the request) is a {@link
   * ConflictException}; other problems a {@link ValidationException}. Bumps the draft revision
   * once.
   */
  @Transactional
  public List<Label> addLabels(String vocabularyName, List<NewLabel> labels, String actor) {
    if (labels == null || labels.isEmpty()) {
      throw new ValidationException("no labels given");
    }
    Vocabulary vocabulary = lockByName(vocabularyName);
    Set<String> existing = new HashSet<>();
    Label.ofVocabulary(vocabulary).forEach(l -> existing.add(key(l.name)));
    Set<String> seen = new HashSet<>();
    List<String> invalid = new ArrayList<>();
    List<String> duplicates = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      NewLabel label = labels.get(i);
      String problem = problemWith(label);
      if (problem != null) {
        invalid.add("label " + (i + 1) + " '" + shown(label.name()) + "': " + problem);
        continue;
      }
      String clean = label.name().trim();
      if (existing.contains(key(clean))) {
        duplicates.add(
            "label '" + clean + "' already exists in vocabulary '" + vocabulary.name + "'");
      } else if (!seen.add(key(clean))) {
        duplicates.add("label '" + clean + "' is given twice");
      }
    }
    if (!invalid.isEmpty()) throw new ValidationException(String.join("; ", invalid));
    if (!duplicates.isEmpty()) throw new ConflictException(String.join("; ", duplicates));
    bump(vocabulary);
    List<Label> added = new ArrayList<>();
    for (NewLabel request : labels) {
      Label label = new Label();
      label.vocabulary = vocabulary;
      label.name = request.name().trim();
      label.provenance = request.provenance();
      label.source = request.source();
      label.score = request.score();
      label.kind = request.kind() == null ? LabelKind.OTHER : request.kind();
      label.description = blankToNull(request.description());
      label.synonymsJson = LabelSynonyms.write(cleanSynonyms(request.synonyms()));
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

  /**
   * Changes a draft label's kind, description and synonyms (its name is its identity); a null
   * argument leaves that field unchanged.
   */
  @Transactional
  public Label editLabel(
      String vocabularyName,
      String labelName,
      LabelKind kind,
      String description,
      List<String> synonyms,
      String actor) {
    Vocabulary vocabulary = lockByName(vocabularyName);
    Label label = draftLabel(vocabulary, labelName);
    if (synonyms != null) {
      for (String synonym : synonyms) {
        if (synonym != null && synonym.trim().length() > MAX_LABEL) {
          throw new ValidationException(
              "label '" + label.name + "': a synonym is longer than " + MAX_LABEL + " characters");
        }
      }
    }
    // null leaves a field as it is; "" or an empty list clears it.
    if (kind != null) label.kind = kind;
    if (description != null) label.description = blankToNull(description);
    if (synonyms != null) label.synonymsJson = LabelSynonyms.write(cleanSynonyms(synonyms));
    bump(vocabulary);
    audit.record(
        actor,
        "vocabulary.label-edited",
        "vocabulary",
        vocabulary.id,
        detail(
            "version",
            vocabulary.version,
            "label",
            label.name,
            "kind",
            label.kind,
            "description",
            label.description,
            "synonyms",
            label.synonyms()));
    return label;
  }

  /** Why {@code label} cannot be added (apart from duplicates), or null when it can. */
  public static String problemWith(NewLabel label) {
    if (label == null || label.name() == null || label.name().isBlank()) {
      return "the name is empty";
    }
    if (label.name().trim().length() > MAX_LABEL) {
      return "the name is longer than " + MAX_LABEL + " characters";
    }
    if (label.provenance() == null) {
      return "no source (human, import or synthetic)";
    }
    if (label.synonyms() != null) {
      for (String synonym : label.synonyms()) {
        if (synonym != null && synonym.trim().length() > MAX_LABEL) {
          return "a synonym is longer than " + MAX_LABEL + " characters";
        }
      }
    }
    return null;
  }

  /** The case-insensitive identity of a label name within a vocabulary. */
  public static String key(String name) {
    return name.trim().toLowerCase(java.util.Locale.ROOT);
  }

  private static String shown(String name) {
    if (name == null) return "";
    return name.length() > 40 ? name.substring(0, 40) + "…" : name;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static List<String> cleanSynonyms(List<String> synonyms) {
    if (synonyms == null) return List.of();
    return synonyms.stream()
        .filter(x -> x != null && !x.isBlank())
        .map(String::trim)
        .distinct()
        .toList();
  }

  private static Label draftLabel(Vocabulary vocabulary, String labelName) {
    return Label.<Label>find("vocabulary = ?1 and lower(name) = ?2", vocabulary, key(labelName))
        .firstResultOptional()
        .orElseThrow(
            () ->
                new NotFoundException(
                    "label '" + labelName + "' is not in vocabulary '" + vocabulary.name + "'"));
  }

  @Transactional
  public void removeLabel(String vocabularyName, String labelName, String actor) {
    Vocabulary vocabulary = lockByName(vocabularyName);
    Label label = draftLabel(vocabulary, labelName);
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

  Vocabulary lockByName(String name) {
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
