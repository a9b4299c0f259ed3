package dev.ovid.web.api;

import dev.ovid.registry.dataset.DatasetSource;
import dev.ovid.registry.dataset.DatasetVersion;
import dev.ovid.registry.dataset.manifest.DatasetDiff;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** JSON shapes of the datasets API. */
public final class DatasetViews {
  private DatasetViews() {}

  @Schema(name = "NewDatasetSource", description = "A manifest or Kinetics CSV to curate from")
  public record NewSourceBody(
      @Schema(example = "kinetics-mini") String name,
      @Schema(description = "MANIFEST, KINETICS_CSV or YT8M_TFRECORD") String kind,
      @Schema(description = "s3://bucket/key or a file path of the manifest/CSV") String location,
      @Schema(description = "KINETICS_CSV: folder or s3:// prefix holding the clips")
          String videoRoot,
      @Schema(description = "FAIL (default) or SKIP: what to do with a video that does not decode")
          String unreadablePolicy,
      String description,
      @Schema(description = "YT8M_TFRECORD: the YouTube-8M vocabulary.csv (s3:// or path)")
          String vocabularyLocation,
      @Schema(
              description =
                  "YT8M_TFRECORD: vocabulary curation rules as JSON (excludeVerticals,"
                      + " excludeDescriptionPatterns, include, exclude, minTrainVideos | top)")
          String curationRulesJson) {}

  @Schema(name = "DatasetSource")
  public record SourceView(
      long id,
      String name,
      String kind,
      String location,
      String videoRoot,
      String unreadablePolicy,
      String description,
      String createdBy,
      Instant createdAt) {
    public static SourceView of(DatasetSource s) {
      return new SourceView(
          s.id,
          s.name,
          s.kind.name(),
          s.location,
          s.videoRoot,
          s.unreadablePolicy.name(),
          s.description,
          s.createdBy,
          s.createdAt);
    }
  }

  @Schema(name = "DatasetVersion")
  public record VersionView(
      long id,
      String datasetName,
      int version,
      String manifestUri,
      String manifestSha256,
      int videoCount,
      int labelCount,
      String sourceDescription,
      String curationReportUri,
      Instant createdAt) {
    public static VersionView of(DatasetVersion v) {
      return new VersionView(
          v.id,
          v.datasetName,
          v.version,
          v.manifestUri,
          v.manifestSha256,
          v.videoCount,
          v.labelCount,
          v.sourceDescription,
          v.curationReportUri,
          v.createdAt);
    }
  }

  @Schema(name = "Datasets", description = "Registered sources (plus built-in names) and versions")
  public record Overview(
      List<String> datasetNames, List<SourceView> sources, List<VersionView> versions) {}

  @Schema(name = "DatasetVersionDetail")
  public record VersionDetail(
      VersionView version, Map<String, Object> curationConfig, Map<String, Object> report) {}

  @Schema(name = "DatasetDiff")
  public record DiffView(
      String datasetName,
      int from,
      int to,
      Set<String> videosAdded,
      Set<String> videosRemoved,
      Set<String> videosChanged,
      Set<String> labelsAdded,
      Set<String> labelsRemoved) {
    public static DiffView of(String name, int from, int to, DatasetDiff d) {
      return new DiffView(
          name,
          from,
          to,
          d.videosAdded(),
          d.videosRemoved(),
          d.videosChanged(),
          d.labelsAdded(),
          d.labelsRemoved());
    }
  }
}
