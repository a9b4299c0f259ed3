package dev.ovid.activities.curation.vocabulary;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What vocabulary curation keeps and removes. Stored as JSON with every dataset version so a
 * curated vocabulary can be re-made exactly.
 *
 * <p>Order of decisions for one label:
 *
 * <ol>
 *   <li>an empty name is always removed ({@link RemovalReason#EMPTY_NAME});
 *   <li>a label on the {@code include} list (name, case-insensitive, or Knowledge Graph id) is
 *       kept, whatever the other rules say;
 *   <li>otherwise the first matching rule removes it: {@code exclude} list, an excluded vertical
 *       ({@code Games} matches Vertical1, 2 or 3; {@code Vertical1=Games} only that column), a
 *       description pattern ({@link Pattern#find()}, Java regex syntax, case-sensitive unless the
 *       pattern says {@code (?i)});
 *   <li>the survivors are cut by frequency: TrainVideoCount &ge; {@code minTrainVideos}, or the
 *       {@code top} most frequent survivors (ties broken by lower Index). Include-listed labels are
 *       kept in addition to these.
 * </ol>
 *
 * @param excludeVerticals vertical values (optionally {@code VerticalN=value}) whose labels are
 *     removed
 * @param excludeDescriptionPatterns regexes searched in WikiDescription
 * @param include names or Knowledge Graph ids always kept (except empty names)
 * @param exclude names or Knowledge Graph ids always removed (unless also included)
 * @param minTrainVideos keep labels with at least this many training videos; null for no cutoff
 * @param top keep the N most frequent labels instead; null for no cut; exclusive with the cutoff
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CurationRules(
    List<String> excludeVerticals,
    List<String> excludeDescriptionPatterns,
    List<String> include,
    List<String> exclude,
    Long minTrainVideos,
    Integer top) {

  public CurationRules {
    excludeVerticals = excludeVerticals == null ? List.of() : List.copyOf(excludeVerticals);
    excludeDescriptionPatterns =
        excludeDescriptionPatterns == null ? List.of() : List.copyOf(excludeDescriptionPatterns);
    include = include == null ? List.of() : List.copyOf(include);
    exclude = exclude == null ? List.of() : List.copyOf(exclude);
    if (minTrainVideos != null && top != null) {
      throw new IllegalArgumentException(
          "minTrainVideos and top are mutually exclusive: give one or neither");
    }
    if (minTrainVideos != null && minTrainVideos < 0) {
      throw new IllegalArgumentException("minTrainVideos must be >= 0, got " + minTrainVideos);
    }
    if (top != null && top < 0) {
      throw new IllegalArgumentException("top must be >= 0, got " + top);
    }
    for (String p : excludeDescriptionPatterns) {
      try {
        Pattern.compile(p);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(
            "invalid description pattern '" + p + "': " + e.getDescription(), e);
      }
    }
  }

  /** No rules: only labels with an empty name are removed. */
  public static CurationRules none() {
    return new CurationRules(null, null, null, null, null, null);
  }

  public CurationRules withExcludeVerticals(List<String> verticals) {
    return new CurationRules(
        verticals, excludeDescriptionPatterns, include, exclude, minTrainVideos, top);
  }

  public CurationRules withExcludeDescriptionPatterns(List<String> patterns) {
    return new CurationRules(excludeVerticals, patterns, include, exclude, minTrainVideos, top);
  }

  public CurationRules withInclude(List<String> names) {
    return new CurationRules(
        excludeVerticals, excludeDescriptionPatterns, names, exclude, minTrainVideos, top);
  }

  public CurationRules withExclude(List<String> names) {
    return new CurationRules(
        excludeVerticals, excludeDescriptionPatterns, include, names, minTrainVideos, top);
  }

  public CurationRules withMinTrainVideos(Long min) {
    return new CurationRules(
        excludeVerticals, excludeDescriptionPatterns, include, exclude, min, null);
  }

  public CurationRules withTop(Integer n) {
    return new CurationRules(
        excludeVerticals, excludeDescriptionPatterns, include, exclude, null, n);
  }
}
