package dev.ovid.activities.curation.synthetic;

import dev.ovid.activities.common.Actors;
import dev.ovid.activities.common.ScratchFiles;
import dev.ovid.activities.curation.DatasetVersionPublisher;
import dev.ovid.activities.curation.DatasetVersionPublisher.Publication;
import dev.ovid.activities.ingestion.video.VideoFrameSampler;
import dev.ovid.registry.common.IntegrityException;
import dev.ovid.registry.common.Sha256;
import dev.ovid.registry.dataset.DatasetRegistry;
import dev.ovid.registry.dataset.DatasetVersion;
import dev.ovid.registry.dataset.manifest.DatasetManifest;
import dev.ovid.registry.dataset.manifest.ManifestEntry;
import dev.ovid.registry.dataset.manifest.SyntheticManifestLabel;
import dev.ovid.registry.objectstore.ObjectStore;
import dev.ovid.registry.objectstore.S3Location;
import dev.ovid.registry.vocabulary.VocabularyService;
import dev.ovid.workflows.common.BadInputException;
import dev.ovid.workflows.curation.CurationHeartbeat;
import dev.ovid.workflows.curation.DatasetVersionRef;
import dev.ovid.workflows.curation.LabelerSpec;
import dev.ovid.workflows.curation.SyntheticLabelingActivities;
import dev.ovid.workflows.curation.SyntheticLabelingRequest;
import io.temporal.activity.Activity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a {@link SyntheticLabeler} over one split of a dataset version and registers a new version
 * of the same dataset whose entries carry the added labels with their provenance (source, score).
 * Human labels are never changed; a synthetic label equal to a human one is not repeated.
 */
@ApplicationScoped
public class SyntheticLabelingActivitiesImpl implements SyntheticLabelingActivities {
  @Inject ObjectStore store;
  @Inject DatasetRegistry datasets;
  @Inject VocabularyService vocabularies;
  @Inject DatasetVersionPublisher publisher;
  @Inject TeacherLabelers teachers;
  @Inject dev.ovid.registry.run.RunRegistry runs;

  /** Frames sampled per video when the spec names none. */
  @Inject dev.ovid.activities.training.ModelSettings model;

  @Inject ChatLabelerSettings chatSettings;

  @Override
  public DatasetVersionRef labelDataset(SyntheticLabelingRequest request) {
    LabelerSpec spec = request.labeler();
    if (spec == null || spec.kind() == null) throw new BadInputException("a labeler is required");
    String split = request.split() == null ? "train" : request.split();
    int frames = spec.frames() == null ? model.frames() : spec.frames();
    DatasetVersion parent = datasets.get(request.dataset().datasetVersionId());
    List<ManifestEntry> entries = readManifest(request.dataset().manifest().uri(), parent);
    List<String> vocabulary =
        vocabularies.labels(vocabularies.get(request.vocabularyId()).name).stream()
            .map(l -> l.name)
            .sorted()
            .toList();

    List<ManifestEntry> todo = entries.stream().filter(e -> e.split().equals(split)).toList();
    if (todo.isEmpty()) {
      throw new BadInputException(
          "dataset "
              + parent.datasetName
              + "@"
              + parent.version
              + " has no '"
              + split
              + "' videos");
    }
    var context = Activity.getExecutionContext();
    Map<String, ManifestEntry> labelled = new LinkedHashMap<>();
    Map<String, Integer> perLabel = new TreeMap<>();
    Map<String, List<String>> unmatched = new TreeMap<>();
    String source;
    var cache = new LabelingCache(store, parent.datasetName, describe(spec, frames), vocabulary);
    try (SyntheticLabelerHandle labeler = open(spec, frames)) {
      source = labeler.source();
      var sampler = new VideoFrameSampler(frames);
      Path scratch = Files.createTempDirectory("ovid-synthetic-");
      try {
        for (int i = 0; i < todo.size(); i++) {
          ManifestEntry entry = todo.get(i);
          LabelingResult result = cache.find(entry.sha256()).orElse(null);
          if (result == null) {
            List<BufferedImage> images = sampler.sample(localCopy(entry, scratch));
            result = labeler.labeler().label(entry.id(), images, vocabulary);
            cache.save(entry.sha256(), result);
          }
          List<SyntheticManifestLabel> added = new ArrayList<>(entry.synthetic());
          for (SyntheticLabel label : result.labels()) {
            boolean known =
                entry.labels().contains(label.label())
                    || added.stream().anyMatch(a -> a.label().equals(label.label()));
            if (known) continue;
            added.add(new SyntheticManifestLabel(label.label(), label.source(), label.score()));
            perLabel.merge(label.label(), 1, Integer::sum);
          }
          if (!result.unmatched().isEmpty()) unmatched.put(entry.id(), result.unmatched());
          labelled.put(entry.id(), entry.withSynthetic(added));
          context.heartbeat(new CurationHeartbeat(i + 1, todo.size()));
        }
      } finally {
        ScratchFiles.deleteTree(scratch);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }

    List<ManifestEntry> out = entries.stream().map(e -> labelled.getOrDefault(e.id(), e)).toList();
    Map<String, Object> derivedFrom = new LinkedHashMap<>();
    derivedFrom.put("datasetVersionId", parent.id);
    derivedFrom.put("version", parent.version);
    derivedFrom.put("manifestSha256", parent.manifestSha256);
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("derivedFrom", derivedFrom);
    report.put("labeler", source);
    report.put("split", split);
    report.put("videosLabelled", todo.size());
    report.put(
        "syntheticLabelsAdded", perLabel.values().stream().mapToInt(Integer::intValue).sum());
    report.put("syntheticLabelsPerLabel", perLabel);
    report.put("unmatchedAnswers", unmatched);
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("derivedFromDatasetVersionId", parent.id);
    config.put("labeler", describe(spec, frames));
    config.put("split", split);
    config.put("vocabularyId", request.vocabularyId());
    config.put("labels", vocabulary);
    DatasetVersionRef published =
        publisher.publish(
            new Publication(
                parent.datasetName,
                out,
                report,
                "synthetic labels (" + source + ") on " + parent.datasetName + "@" + parent.version,
                config,
                request.runId(),
                false,
                "curation/synthetic-report.json"));
    if (request.runId() != 0) {
      // The run now trains on the labelled version: lineage must say so.
      runs.replaceDatasetVersion(
          request.runId(), published.datasetVersionId(), parent.id, Actors.WORKER);
    }
    return published;
  }

  private SyntheticLabelerHandle open(LabelerSpec spec, int frames) {
    return switch (spec.kind()) {
      case CHAT -> SyntheticLabelerHandle.of(ChatLabelers.create(spec, frames, chatSettings));
      case TEACHER -> teachers.open(spec);
    };
  }

  private static Map<String, Object> describe(LabelerSpec spec, int frames) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("kind", spec.kind().name());
    if (spec.kind() == LabelerSpec.Kind.TEACHER) {
      out.put("modelVersionId", spec.modelVersionId());
      out.put("threshold", spec.threshold());
    } else {
      out.put("baseUrl", spec.baseUrl());
      out.put("model", spec.model());
      out.put(
          "prompt", spec.prompt() == null ? ChatCompletionsSettings.DEFAULT_PROMPT : spec.prompt());
    }
    out.put("frames", frames);
    return out;
  }

  private List<ManifestEntry> readManifest(String uri, DatasetVersion parent) {
    S3Location location = S3Location.parse(uri);
    ObjectStore bucket =
        location.bucket().equals(store.bucket()) ? store : store.withBucket(location.bucket());
    byte[] bytes = bucket.getBytes(location.key());
    String sha = Sha256.of(bytes);
    if (!sha.equals(parent.manifestSha256)) {
      throw new IntegrityException(
          "manifest " + uri + " has sha256 " + sha + ", expected " + parent.manifestSha256);
    }
    return DatasetManifest.read(new ByteArrayInputStream(bytes), uri);
  }

  private Path localCopy(ManifestEntry entry, Path scratch) throws IOException {
    if (!entry.uri().startsWith("s3://")) return Path.of(entry.uri());
    S3Location location = S3Location.parse(entry.uri());
    ObjectStore bucket =
        location.bucket().equals(store.bucket()) ? store : store.withBucket(location.bucket());
    Path target = scratch.resolve("video-" + entry.sha256());
    Files.deleteIfExists(target);
    bucket.download(location.key(), target, entry.sha256());
    return target;
  }
}
