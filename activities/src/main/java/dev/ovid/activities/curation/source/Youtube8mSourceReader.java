package dev.ovid.activities.curation.source;

import dev.ovid.activities.curation.vocabulary.CuratedVocabulary;
import dev.ovid.activities.curation.vocabulary.CurationJson;
import dev.ovid.activities.curation.vocabulary.CurationProgressListener;
import dev.ovid.activities.curation.vocabulary.CurationResult;
import dev.ovid.activities.curation.vocabulary.CurationRules;
import dev.ovid.activities.curation.vocabulary.VocabularyCurator;
import dev.ovid.activities.ingestion.tfrecord.LabelRemapper;
import dev.ovid.activities.ingestion.tfrecord.TfRecordFormatException;
import dev.ovid.activities.ingestion.tfrecord.UnknownLabelPolicy;
import dev.ovid.activities.ingestion.tfrecord.VideoLevelExample;
import dev.ovid.activities.ingestion.tfrecord.Youtube8mFormat;
import dev.ovid.activities.ingestion.tfrecord.Youtube8mReader;
import dev.ovid.registry.dataset.DatasetSource;
import dev.ovid.registry.dataset.manifest.ManifestEntry;
import dev.ovid.workflows.common.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a YouTube-8M source: curates its vocabulary.csv with the source's rules (game titles, rare
 * labels), then streams the video-level TFRecord file, maps each video's label ids onto the curated
 * vocabulary's names and drops videos left without labels. Videos are expected under the source's
 * video root as {@code <id>.mp4}; a file whose name starts with "validate" or "test" becomes the
 * eval split, any other the train split.
 */
final class Youtube8mSourceReader {
  /** The entries plus what the report and config should say about this step. */
  record Result(
      List<ManifestEntry> entries, Map<String, Object> report, Map<String, Object> config) {}

  private Youtube8mSourceReader() {}

  static Result read(DatasetSource source, SourceFiles files, CurationProgressListener progress) {
    CurationRules rules =
        source.curationRulesJson == null
            ? CurationRules.none()
            : CurationJson.rulesFromJson(source.curationRulesJson);
    CurationResult curated;
    try (InputStream csv = files.open(source.vocabularyLocation)) {
      curated = VocabularyCurator.curate(csv, source.vocabularyLocation, rules, progress);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + source.vocabularyLocation, e);
    }
    CuratedVocabulary vocabulary = curated.vocabulary();
    List<String> names = vocabulary.names();
    String split = splitOf(source.location);
    String root = source.videoRoot.endsWith("/") ? source.videoRoot : source.videoRoot + "/";

    List<ManifestEntry> entries = new ArrayList<>();
    Map<String, Object> statistics = new LinkedHashMap<>();
    try (InputStream in = files.open(source.location);
        var reader =
            Youtube8mReader.videoLevel(
                in,
                source.location,
                Youtube8mFormat.DEFAULT,
                LabelRemapper.to(vocabulary, UnknownLabelPolicy.FAIL))) {
      VideoLevelExample video;
      while ((video = reader.next()) != null) {
        List<String> labels = new ArrayList<>();
        for (int index : video.labels()) labels.add(names.get(index));
        entries.add(new ManifestEntry(video.id(), root + video.id() + ".mp4", null, labels, split));
      }
      var stats = reader.statistics();
      statistics.put("records", stats.records());
      statistics.put("bytes", stats.bytes());
      statistics.put("videosWithCuratedLabels", stats.videosReturned());
      statistics.put("videosDroppedNoLabels", stats.videosDroppedNoLabels());
      statistics.put("labelsDroppedByCuration", stats.labelsDropped());
    } catch (TfRecordFormatException e) {
      throw new BadInputException(e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + source.location, e);
    }
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("vocabularyCuration", curated.report());
    report.put("tfrecord", statistics);
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("vocabularyLocation", source.vocabularyLocation);
    config.put("curationRules", rules);
    config.put("split", split);
    return new Result(entries, report, config);
  }

  static String splitOf(String location) {
    String file =
        location.substring(location.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
    return file.startsWith("validate") || file.startsWith("test") ? "eval" : "train";
  }
}
