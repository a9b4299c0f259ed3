package dev.ovid.registry.vocabulary;

import static dev.ovid.registry.audit.AuditLog.detail;

import dev.ovid.registry.audit.AuditLog;
import dev.ovid.registry.common.ConflictException;
import dev.ovid.registry.common.Json;
import dev.ovid.registry.common.NotFoundException;
import dev.ovid.registry.common.Sha256;
import dev.ovid.registry.common.ValidationException;
import dev.ovid.registry.objectstore.ObjectStore;
import dev.ovid.registry.objectstore.StoredObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Published vocabulary versions: publishing freezes the draft into immutable rows plus a canonical
 * JSON object stored under its sha256, so a version's exact label set can always be read back.
 */
@ApplicationScoped
public class VocabularyVersions {
  /** Object-store prefix of the frozen label sets (key = sha256 of the content). */
  public static final String PREFIX = "vocabularies/";

  @Inject VocabularyService vocabularies;
  @Inject ObjectStore store;
  @Inject AuditLog audit;

  /**
   * Publishes the draft of {@code vocabularyName} as its next version. Refuses an empty draft
   * ({@link ValidationException}) and a draft equal to the latest version ({@link
   * ConflictException}).
   */
  @Transactional
  public VocabularyVersion publish(String vocabularyName, String comment, String actor) {
    Vocabulary vocabulary = vocabularies.lockByName(vocabularyName);
    List<VersionedLabel> labels = sorted(Label.ofVocabulary(vocabulary), VersionedLabel::of);
    if (labels.isEmpty()) {
      throw new ValidationException(
          "vocabulary '" + vocabulary.name + "' has no labels: add some before publishing");
    }
    Optional<VocabularyVersion> latest = VocabularyVersion.latest(vocabulary);
    if (latest.isPresent() && diff(vocabulary.name, labelsOf(latest.get()), labels).empty()) {
      throw new ConflictException(
          "nothing to publish: the draft of '"
              + vocabulary.name
              + "' equals version "
              + latest.get().version);
    }
    byte[] content = canonicalJson(labels);
    String sha = Sha256.of(content);
    // Content-addressed and idempotent: a retried publish stores the same object again.
    StoredObject stored = store.put(PREFIX + sha + ".json", content);
    VocabularyVersion version = new VocabularyVersion();
    version.vocabulary = vocabulary;
    version.version = latest.map(v -> v.version + 1).orElse(1);
    version.labelCount = labels.size();
    version.objectUri = stored.uri();
    version.sha256 = sha;
    version.comment = comment == null || comment.isBlank() ? null : comment.trim();
    version.publishedBy = ValidationException.requireText("actor", actor);
    version.publishedAt = Instant.now();
    version.persist();
    for (int i = 0; i < labels.size(); i++) {
      VersionedLabel l = labels.get(i);
      VocabularyVersionLabel row = new VocabularyVersionLabel();
      row.vocabularyVersion = version;
      row.position = i;
      row.name = l.name();
      row.kind = l.kind();
      row.description = l.description();
      row.synonymsJson = LabelSynonyms.write(l.synonyms());
      row.provenance = l.source();
      row.persist();
    }
    audit.record(
        actor,
        "vocabulary.published",
        "vocabulary",
        vocabulary.id,
        detail(
            "version",
            version.version,
            "labels",
            labels.size(),
            "sha256",
            sha,
            "objectUri",
            stored.uri(),
            "comment",
            version.comment));
    return version;
  }

  /** The published versions of a vocabulary, newest first. */
  @Transactional
  public List<VocabularyVersion> versions(String vocabularyName) {
    return VocabularyVersion.ofVocabulary(vocabularies.find(vocabularyName));
  }

  /**
   * Version {@code version} of the vocabulary, or its latest published one when {@code version} is
   * null; {@link NotFoundException} when there is none.
   */
  @Transactional
  public VocabularyVersion resolve(String vocabularyName, Integer version) {
    Vocabulary vocabulary = vocabularies.find(vocabularyName);
    if (version == null) {
      return VocabularyVersion.latest(vocabulary)
          .orElseThrow(
              () ->
                  new NotFoundException(
                      "vocabulary '" + vocabulary.name + "' has no published version yet"));
    }
    return VocabularyVersion.find(vocabulary, version)
        .orElseThrow(
            () -> NotFoundException.of("vocabulary version", vocabulary.name + "@" + version));
  }

  @Transactional
  public VocabularyVersion get(long versionId) {
    VocabularyVersion version = VocabularyVersion.findById(versionId);
    if (version == null) throw NotFoundException.of("vocabulary version", versionId);
    version.vocabulary.name.length(); // loads the vocabulary while the session is open
    return version;
  }

  /** A version's labels, in order. */
  @Transactional
  public List<VersionedLabel> labels(long versionId) {
    return labelsOf(get(versionId));
  }

  /** The latest published version, if any. */
  @Transactional
  public Optional<VocabularyVersion> latest(String vocabularyName) {
    Optional<VocabularyVersion> latest =
        VocabularyVersion.latest(vocabularies.find(vocabularyName));
    latest.ifPresent(v -> v.vocabulary.name.length());
    return latest;
  }

  /**
   * Differences between two published versions; {@code to} null compares with the current draft.
   */
  @Transactional
  public VocabularyDiff diff(String vocabularyName, int from, Integer to) {
    Vocabulary vocabulary = vocabularies.find(vocabularyName);
    List<VersionedLabel> before = labelsOf(resolve(vocabulary.name, from));
    List<VersionedLabel> after =
        to == null
            ? sorted(Label.ofVocabulary(vocabulary), VersionedLabel::of)
            : labelsOf(resolve(vocabulary.name, to));
    VocabularyDiff d = diff(vocabulary.name, before, after);
    return new VocabularyDiff(d.vocabulary(), from, to, d.added(), d.removed(), d.changed());
  }

  /** Whether the draft differs from the latest published version (true when none is). */
  @Transactional
  public boolean draftChanged(String vocabularyName) {
    Vocabulary vocabulary = vocabularies.find(vocabularyName);
    Optional<VocabularyVersion> latest = VocabularyVersion.latest(vocabulary);
    return latest.isEmpty()
        || !diff(
                vocabulary.name,
                labelsOf(latest.get()),
                sorted(Label.ofVocabulary(vocabulary), VersionedLabel::of))
            .empty();
  }

  static VocabularyDiff diff(
      String vocabulary, List<VersionedLabel> before, List<VersionedLabel> after) {
    Map<String, VersionedLabel> old = byKey(before);
    Map<String, VersionedLabel> now = byKey(after);
    List<VersionedLabel> added = new ArrayList<>();
    List<VersionedLabel> removed = new ArrayList<>();
    List<VocabularyDiff.Change> changed = new ArrayList<>();
    now.forEach(
        (key, label) -> {
          VersionedLabel was = old.get(key);
          if (was == null) added.add(label);
          else if (!was.sameContent(label))
            changed.add(new VocabularyDiff.Change(label.name(), was, label));
        });
    old.forEach(
        (key, label) -> {
          if (!now.containsKey(key)) removed.add(label);
        });
    return new VocabularyDiff(vocabulary, null, null, added, removed, changed);
  }

  /** The bytes stored for a label set: same labels, same bytes, same sha256. */
  public static byte[] canonicalJson(List<VersionedLabel> labels) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (VersionedLabel l : labels) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("name", l.name());
      row.put("kind", l.kind().name().toLowerCase(java.util.Locale.ROOT));
      row.put("description", l.description());
      row.put("synonyms", l.synonyms());
      row.put("source", l.source().name().toLowerCase(java.util.Locale.ROOT));
      rows.add(row);
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("format", "ovid-vocabulary/1");
    doc.put("labels", rows);
    return Json.write(doc).getBytes(StandardCharsets.UTF_8);
  }

  private static List<VersionedLabel> labelsOf(VocabularyVersion version) {
    return VocabularyVersionLabel.of(version).stream().map(VersionedLabel::of).toList();
  }

  private static <T> List<VersionedLabel> sorted(List<T> rows, Function<T, VersionedLabel> map) {
    return rows.stream()
        .map(map)
        .sorted(
            Comparator.comparing((VersionedLabel l) -> VocabularyService.key(l.name()))
                .thenComparing(VersionedLabel::name))
        .toList();
  }

  private static Map<String, VersionedLabel> byKey(List<VersionedLabel> labels) {
    return labels.stream()
        .collect(
            Collectors.toMap(
                l -> VocabularyService.key(l.name()),
                Function.identity(),
                (a, b) -> a,
                LinkedHashMap::new));
  }
}
