package dev.ovid.web.api;

import dev.ovid.registry.vocabulary.Label;
import dev.ovid.registry.vocabulary.LabelKind;
import dev.ovid.registry.vocabulary.NewLabel;
import dev.ovid.registry.vocabulary.Provenance;
import dev.ovid.registry.vocabulary.VersionedLabel;
import dev.ovid.registry.vocabulary.Vocabulary;
import dev.ovid.registry.vocabulary.VocabularyVersion;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** JSON shapes of vocabularies and labels, in and out. */
public final class VocabularyViews {
  private VocabularyViews() {}

  @Schema(name = "VocabularySummary")
  public record Summary(
      long id,
      String name,
      String description,
      @Schema(description = "Draft revision: bumped by every draft edit") int version,
      long labelCount,
      @Schema(description = "Latest published version, null when never published")
          Integer publishedVersion,
      Instant createdAt,
      Instant updatedAt) {
    static Summary of(Vocabulary v) {
      return new Summary(
          v.id,
          v.name,
          v.description,
          v.version,
          Label.count("vocabulary", v),
          VocabularyVersion.latest(v).map(x -> x.version).orElse(null),
          v.createdAt,
          v.updatedAt);
    }
  }

  @Schema(name = "Vocabulary")
  public record Detail(
      long id,
      String name,
      String description,
      int version,
      Integer publishedVersion,
      Instant createdAt,
      Instant updatedAt,
      List<LabelView> labels) {
    static Detail of(Vocabulary v, List<Label> labels) {
      return new Detail(
          v.id,
          v.name,
          v.description,
          v.version,
          VocabularyVersion.latest(v).map(x -> x.version).orElse(null),
          v.createdAt,
          v.updatedAt,
          labels.stream().map(LabelView::of).toList());
    }
  }

  @Schema(
      name = "Label",
      description =
          "A draft label. 'provenance' is where it came from (HUMAN, IMPORT, SYNTHETIC);"
              + " 'source' free text such as 'ui' or the imported file")
  public record LabelView(
      long id,
      String name,
      LabelKind kind,
      String description,
      List<String> synonyms,
      Provenance provenance,
      String source,
      Double score,
      Instant createdAt) {
    static LabelView of(Label l) {
      return new LabelView(
          l.id,
          l.name,
          l.kind,
          l.description,
          l.synonyms(),
          l.provenance,
          l.source,
          l.score,
          l.createdAt);
    }
  }

  @Schema(name = "VocabularyVersion", description = "A published, immutable label set")
  public record VersionView(
      long id,
      String vocabulary,
      int version,
      int labelCount,
      String sha256,
      String objectUri,
      String comment,
      String publishedBy,
      Instant publishedAt) {
    static VersionView of(VocabularyVersion v) {
      return new VersionView(
          v.id,
          v.vocabulary.name,
          v.version,
          v.labelCount,
          v.sha256,
          v.objectUri,
          v.comment,
          v.publishedBy,
          v.publishedAt);
    }
  }

  @Schema(name = "VocabularyVersionDetail")
  public record VersionDetail(VersionView version, List<VersionedLabel> labels) {}

  @Schema(name = "Publish")
  public record PublishBody(@Schema(example = "adds winter sports") String comment) {}

  @Schema(name = "LabelEdit", description = "New kind, description and synonyms of a draft label")
  public record LabelEditBody(
      @Schema(example = "action") String kind, String description, List<String> synonyms) {}

  @Schema(name = "NewLabelFields")
  public record NewLabelFields(
      @Schema(required = true, example = "skateboarding") String name,
      @Schema(example = "action") String kind,
      String description,
      List<String> synonyms) {}

  @Schema(name = "NewVocabulary")
  public record NewVocabularyBody(
      @Schema(required = true, description = "at most 200 characters", example = "kinetics-actions")
          String name,
      @Schema(description = "at most 4000 characters") String description) {}

  @Schema(
      name = "NewLabels",
      description =
          "One label in 'name', several in 'names', or labels with their fields in 'labels';"
              + " added to the draft all-or-nothing")
  public record NewLabelsBody(
      @Schema(description = "at most 200 characters", example = "skateboarding") String name,
      @Schema(description = "at most 10000 labels of at most 200 characters each")
          List<String> names,
      @Schema(description = "at most 10000 labels with their kind, description and synonyms")
          List<NewLabelFields> labels) {
    static final int MAX_LABELS = 10_000;

    List<NewLabel> all(String source) {
      int count = (names == null ? 0 : names.size()) + (labels == null ? 0 : labels.size());
      if (count > MAX_LABELS) {
        throw new dev.ovid.registry.common.ValidationException(
            "at most " + MAX_LABELS + " labels per request (got " + count + ")");
      }
      if (labels != null && !labels.isEmpty()) {
        return labels.stream()
            .map(
                l ->
                    l == null
                        ? NewLabel.human(null, source)
                        : new NewLabel(
                            l.name(),
                            Provenance.HUMAN,
                            source,
                            null,
                            LabelKind.parse(l.kind()),
                            l.description(),
                            l.synonyms()))
            .toList();
      }
      List<String> plain =
          names != null && !names.isEmpty() ? names : name == null ? List.of() : List.of(name);
      return plain.stream().map(n -> NewLabel.human(n, source)).toList();
    }
  }
}
