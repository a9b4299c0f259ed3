package dev.ovid.web.api;

import dev.ovid.registry.vocabulary.Label;
import dev.ovid.registry.vocabulary.Provenance;
import dev.ovid.registry.vocabulary.Vocabulary;
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
      int version,
      long labelCount,
      Instant createdAt,
      Instant updatedAt) {
    static Summary of(Vocabulary v) {
      return new Summary(
          v.id,
          v.name,
          v.description,
          v.version,
          Label.count("vocabulary", v),
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
      Instant createdAt,
      Instant updatedAt,
      List<LabelView> labels) {
    static Detail of(Vocabulary v, List<Label> labels) {
      return new Detail(
          v.id,
          v.name,
          v.description,
          v.version,
          v.createdAt,
          v.updatedAt,
          labels.stream().map(LabelView::of).toList());
    }
  }

  @Schema(name = "Label")
  public record LabelView(
      long id, String name, Provenance provenance, String source, Double score, Instant createdAt) {
    static LabelView of(Label l) {
      return new LabelView(l.id, l.name, l.provenance, l.source, l.score, l.createdAt);
    }
  }

  @Schema(name = "NewVocabulary")
  public record NewVocabularyBody(
      @Schema(required = true, description = "at most 200 characters", example = "kinetics-actions")
          String name,
      @Schema(description = "at most 4000 characters") String description) {}

  @Schema(
      name = "NewLabels",
      description = "Either one label in 'name' or several in 'names'; added all-or-nothing")
  public record NewLabelsBody(
      @Schema(description = "at most 500 characters", example = "skateboarding") String name,
      @Schema(description = "at most 10000 labels of at most 500 characters each")
          List<String> names) {
    static final int MAX_LABELS = 10_000;

    List<String> all() {
      if (names != null && names.size() > MAX_LABELS) {
        throw new dev.ovid.registry.common.ValidationException(
            "at most " + MAX_LABELS + " labels per request (got " + names.size() + ")");
      }
      if (names != null && !names.isEmpty()) {
        return names;
      }
      return name == null ? List.of() : List.of(name);
    }
  }
}
