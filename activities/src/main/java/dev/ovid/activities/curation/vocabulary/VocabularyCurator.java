package dev.ovid.activities.curation.vocabulary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Curates a YouTube-8M vocabulary by {@link CurationRules}: streams the CSV row by row and keeps
 * only the rule survivors (a few thousand small rows) in memory for the frequency cut.
 */
public final class VocabularyCurator {

  private static final int PROGRESS_EVERY = 500;

  private VocabularyCurator() {}

  public static CurationResult curate(Path csv, CurationRules rules) {
    return curate(csv, rules, CurationProgressListener.NONE);
  }

  public static CurationResult curate(
      Path csv, CurationRules rules, CurationProgressListener progress) {
    try (InputStream in = Files.newInputStream(csv)) {
      return curate(in, csv.toString(), rules, progress);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + csv + ": " + e.getMessage(), e);
    }
  }

  /** For activities that stream from an object store: errors and the report say "(stream)". */
  public static CurationResult curate(
      InputStream csv, CurationRules rules, CurationProgressListener progress) {
    return curate(csv, "(stream)", rules, progress);
  }

  /**
   * Curates the vocabulary read from {@code csv} (not closed here).
   *
   * @param source the file name used in error messages and the report
   * @throws VocabularyFormatException for malformed CSV, naming {@code source} and the line
   */
  public static CurationResult curate(
      InputStream csv, String source, CurationRules rules, CurationProgressListener progress) {
    Matchers m = new Matchers(rules);
    Tally tally = new Tally(rules);
    BitSet sourceIndices = new BitSet();
    List<VocabularyEntry> survivors = new ArrayList<>();
    List<VocabularyEntry> forced = new ArrayList<>();
    long rows = 0;
    try (VocabularyCsvReader reader = new VocabularyCsvReader(csv, source)) {
      VocabularyEntry e;
      while ((e = reader.next()) != null) {
        rows++;
        if (sourceIndices.get(e.index())) {
          throw new VocabularyFormatException(
              source, reader.lastLine(), "duplicate Index " + e.index());
        }
        sourceIndices.set(e.index());
        RemovalReason reason = m.firstRuleRemoving(e, tally);
        if (!e.hasName()) {
          tally.remove(RemovalReason.EMPTY_NAME, e);
        } else if (m.included(e)) {
          forced.add(e);
          if (reason != null) {
            tally.keptByInclude.add(e.name());
          }
        } else if (reason != null) {
          tally.remove(reason, e);
        } else {
          survivors.add(e);
        }
        if (rows % PROGRESS_EVERY == 0) {
          progress.rowsRead(rows);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + source, e);
    }
    progress.rowsRead(rows);

    List<VocabularyEntry> kept = new ArrayList<>(forced);
    kept.addAll(cutByFrequency(survivors, rules, tally, forced));
    kept.sort(Comparator.comparingInt(VocabularyEntry::index));
    long smallest = kept.stream().mapToLong(VocabularyEntry::trainVideoCount).min().orElse(0);
    CurationReport report =
        new CurationReport(
            source,
            rules,
            rows,
            kept.size(),
            tally.removedCounts(),
            tally.matched,
            tally.byVertical,
            tally.names,
            List.copyOf(tally.keptByInclude),
            m.unmatchedListEntries(),
            smallest);
    return new CurationResult(new CuratedVocabulary(kept, sourceIndices), report);
  }

  private static List<VocabularyEntry> cutByFrequency(
      List<VocabularyEntry> survivors,
      CurationRules rules,
      Tally tally,
      List<VocabularyEntry> forced) {
    if (rules.minTrainVideos() != null) {
      for (VocabularyEntry e : forced) {
        if (e.trainVideoCount() < rules.minTrainVideos()) {
          tally.keptByIncludeOverFrequency(e);
        }
      }
      List<VocabularyEntry> kept = new ArrayList<>();
      for (VocabularyEntry e : survivors) {
        if (e.trainVideoCount() >= rules.minTrainVideos()) {
          kept.add(e);
        } else {
          tally.remove(RemovalReason.BELOW_MIN_TRAIN_VIDEOS, e);
        }
      }
      return kept;
    }
    if (rules.top() != null) {
      List<VocabularyEntry> byFrequency = new ArrayList<>(survivors);
      byFrequency.sort(
          Comparator.comparingLong(VocabularyEntry::trainVideoCount)
              .reversed()
              .thenComparingInt(VocabularyEntry::index));
      int n = Math.min(rules.top(), byFrequency.size());
      long nth = n == 0 ? Long.MAX_VALUE : byFrequency.get(n - 1).trainVideoCount();
      for (VocabularyEntry e : forced) {
        if (e.trainVideoCount() < nth) {
          tally.keptByIncludeOverFrequency(e);
        }
      }
      for (VocabularyEntry e : byFrequency.subList(n, byFrequency.size())) {
        tally.remove(RemovalReason.NOT_IN_TOP, e);
      }
      return new ArrayList<>(byFrequency.subList(0, n));
    }
    return survivors;
  }

  /** The compiled rules. */
  private static final class Matchers {
    private final CurationRules rules;
    private final List<Pattern> patterns;
    private final Set<String> includeKeys;
    private final Set<String> excludeKeys;
    private final Set<String> includeSeen = new HashSet<>();
    private final Set<String> excludeSeen = new HashSet<>();

    Matchers(CurationRules rules) {
      this.rules = rules;
      this.patterns = rules.excludeDescriptionPatterns().stream().map(Pattern::compile).toList();
      this.includeKeys = keys(rules.include());
      this.excludeKeys = keys(rules.exclude());
    }

    private static Set<String> keys(List<String> list) {
      Set<String> out = new HashSet<>();
      for (String s : list) {
        out.add(key(s));
      }
      return out;
    }

    private static String key(String s) {
      return s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
    }

    private String listHit(Set<String> keys, Set<String> seen, VocabularyEntry e) {
      for (String k : new String[] {key(e.name()), key(e.knowledgeGraphId())}) {
        if (!k.isEmpty() && keys.contains(k)) {
          seen.add(k);
          return k;
        }
      }
      return null;
    }

    boolean included(VocabularyEntry e) {
      return listHit(includeKeys, includeSeen, e) != null;
    }

    /** The first rule (in the documented order) that removes e; counts every rule it matches. */
    RemovalReason firstRuleRemoving(VocabularyEntry e, Tally tally) {
      RemovalReason first = null;
      if (!e.hasName()) {
        tally.match("empty_name");
      }
      if (listHit(excludeKeys, excludeSeen, e) != null) {
        tally.match("exclude_list");
        first = RemovalReason.EXCLUDE_LIST;
      }
      if (listHit(includeKeys, includeSeen, e) != null) {
        tally.match("include_list");
      }
      for (String v : rules.excludeVerticals()) {
        if (hasVertical(e, v)) {
          tally.match("excluded_vertical=" + v);
          if (first == null) {
            first = RemovalReason.EXCLUDED_VERTICAL;
          }
        }
      }
      String description = e.wikiDescription() == null ? "" : e.wikiDescription();
      for (Pattern p : patterns) {
        if (p.matcher(description).find()) {
          tally.match("description_pattern=" + p.pattern());
          if (first == null) {
            first = RemovalReason.DESCRIPTION_PATTERN;
          }
        }
      }
      return first;
    }

    /** "Games" matches any of Vertical1..3; "Vertical1=Games" matches that column only. */
    private static boolean hasVertical(VocabularyEntry e, String rule) {
      int eq = rule.indexOf('=');
      if (eq > 0) {
        String column = rule.substring(0, eq).trim();
        String value = rule.substring(eq + 1);
        return switch (column) {
          case "Vertical1" -> value.equals(e.vertical1());
          case "Vertical2" -> value.equals(e.vertical2());
          case "Vertical3" -> value.equals(e.vertical3());
          default -> e.verticals().contains(rule);
        };
      }
      return e.verticals().contains(rule);
    }

    List<String> unmatchedListEntries() {
      List<String> out = new ArrayList<>();
      for (String s : rules.include()) {
        if (!includeSeen.contains(key(s))) {
          out.add("include:" + s);
        }
      }
      for (String s : rules.exclude()) {
        if (!excludeSeen.contains(key(s))) {
          out.add("exclude:" + s);
        }
      }
      return out;
    }
  }

  /** Counters for the report, in a stable order. */
  private static final class Tally {
    final Map<RemovalReason, Integer> removed = new LinkedHashMap<>();
    final Map<String, Integer> matched = new LinkedHashMap<>();
    final Map<String, Integer> byVertical = new TreeMap<>();
    final Map<String, List<String>> names = new LinkedHashMap<>();
    final List<String> keptByInclude = new ArrayList<>();

    Tally(CurationRules rules) {
      for (RemovalReason r : RemovalReason.values()) {
        removed.put(r, 0);
      }
      matched.put("empty_name", 0);
      if (!rules.exclude().isEmpty()) {
        matched.put("exclude_list", 0);
      }
      if (!rules.include().isEmpty()) {
        matched.put("include_list", 0);
      }
      rules.excludeVerticals().forEach(v -> matched.put("excluded_vertical=" + v, 0));
      rules.excludeDescriptionPatterns().forEach(p -> matched.put("description_pattern=" + p, 0));
    }

    /** An include-listed label the frequency cut alone would have removed. */
    void keptByIncludeOverFrequency(VocabularyEntry e) {
      if (!keptByInclude.contains(e.name())) {
        keptByInclude.add(e.name());
      }
    }

    void match(String rule) {
      matched.merge(rule, 1, Integer::sum);
    }

    void remove(RemovalReason reason, VocabularyEntry e) {
      removed.merge(reason, 1, Integer::sum);
      names.computeIfAbsent(reason.key(), k -> new ArrayList<>()).add(e.displayName());
      List<String> verticals = e.verticals();
      if (verticals.isEmpty()) {
        byVertical.merge("(none)", 1, Integer::sum);
      }
      for (String v : verticals) {
        byVertical.merge(v, 1, Integer::sum);
      }
    }

    Map<String, Integer> removedCounts() {
      Map<String, Integer> out = new LinkedHashMap<>();
      removed.forEach((r, n) -> out.put(r.key(), n));
      return out;
    }
  }
}
