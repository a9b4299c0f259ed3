package dev.ovid.activities.curation;

import dev.ovid.activities.common.ScratchFiles;
import dev.ovid.activities.curation.demo.DemoVideoWriter;
import dev.ovid.activities.curation.source.SourceCurator;
import dev.ovid.registry.common.Sha256;
import dev.ovid.registry.dataset.DatasetCatalog;
import dev.ovid.registry.dataset.DatasetSource;
import dev.ovid.registry.dataset.DatasetVersion;
import dev.ovid.registry.dataset.demo.DemoClip;
import dev.ovid.registry.dataset.demo.DemoDataset;
import dev.ovid.registry.dataset.manifest.ManifestEntry;
import dev.ovid.registry.objectstore.ObjectStore;
import dev.ovid.registry.objectstore.S3Location;
import dev.ovid.registry.objectstore.StoredObject;
import dev.ovid.registry.run.RunRegistry;
import dev.ovid.registry.tracking.MlflowTracker;
import dev.ovid.registry.vocabulary.Vocabulary;
import dev.ovid.registry.vocabulary.VocabularyService;
import dev.ovid.workflows.common.BadInputException;
import dev.ovid.workflows.common.ObjectRef;
import dev.ovid.workflows.curation.CurationActivities;
import dev.ovid.workflows.curation.CurationHeartbeat;
import dev.ovid.workflows.curation.CurationRequest;
import dev.ovid.workflows.curation.DatasetVersionRef;
import io.temporal.activity.Activity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Turns a dataset source and a vocabulary into an immutable, content-addressed dataset version:
 * videos and manifest stored by sha256 in the object store, registered in the database.
 */
@ApplicationScoped
public class CurationActivitiesImpl implements CurationActivities {

  @Inject ObjectStore store;
  @Inject VocabularyService vocabularies;
  @Inject DatasetCatalog catalog;
  @Inject SourceCurator sources;
  @Inject DatasetVersionPublisher publisher;
  @Inject RunRegistry runs;
  @Inject MlflowTracker mlflow;

  @Override
  public DatasetVersionRef curate(CurationRequest request) {
    // A run created with a dataset version (a schedule's pinned one) trains on it as it is.
    var pinned = runs.get(request.runId()).datasetVersion;
    if (pinned != null) return pinnedVersion(request, pinned);
    Vocabulary vocabulary = vocabularies.get(request.vocabularyId());
    Set<String> wanted =
        vocabularies.labels(vocabulary.name).stream()
            .map(l -> l.name)
            .collect(Collectors.toCollection(TreeSet::new));
    if (DemoDataset.NAME.equals(request.datasetName())) {
      return curateDemo(request, vocabulary, wanted);
    }
    DatasetSource source =
        catalog
            .source(request.datasetName())
            .orElseThrow(
                () ->
                    new BadInputException(
                        "unknown dataset '"
                            + request.datasetName()
                            + "'; known: "
                            + catalog.names()));
    var context = Activity.getExecutionContext();
    return sources.curate(
        source,
        vocabulary.name,
        wanted,
        request.runId(),
        (done, total) -> context.heartbeat(new CurationHeartbeat(done, total)));
  }

  private DatasetVersionRef pinnedVersion(CurationRequest request, DatasetVersion version) {
    if (!version.datasetName.equals(request.datasetName())) {
      throw new BadInputException(
          "run "
              + request.runId()
              + " is pinned to a version of '"
              + version.datasetName
              + "', not of '"
              + request.datasetName()
              + "'");
    }
    S3Location location = S3Location.parse(version.manifestUri);
    ObjectStore source =
        location.bucket().equals(store.bucket()) ? store : store.withBucket(location.bucket());
    StoredObject manifest =
        source
            .stat(location.key())
            .orElseThrow(
                () ->
                    new BadInputException(
                        "the manifest of "
                            + version.datasetName
                            + "@"
                            + version.version
                            + " is missing from the object store: "
                            + version.manifestUri));
    String mlflowRunId = runs.get(request.runId()).mlflowRunId;
    if (mlflowRunId != null) {
      mlflow.setTags(
          mlflowRunId,
          Map.of(
              MlflowTracker.TAG_DATASET_VERSION,
              version.datasetName
                  + "@"
                  + version.version
                  + " sha256:"
                  + version.manifestSha256
                  + " (pinned)"));
    }
    return new DatasetVersionRef(
        version.id,
        new ObjectRef(version.manifestUri, version.manifestSha256, manifest.size()),
        version.videoCount,
        version.labelCount);
  }

  private DatasetVersionRef curateDemo(
      CurationRequest request, Vocabulary vocabulary, Set<String> wanted) {
    List<ManifestEntry> entries = storeDemoVideos(wanted);
    if (entries.isEmpty()) {
      throw new BadInputException(
          "vocabulary '"
              + vocabulary.name
              + "' shares no labels with dataset 'demo' (its labels are "
              + DemoDataset.labels()
              + ")");
    }
    Set<String> used = new TreeSet<>();
    entries.forEach(e -> used.addAll(e.labels()));
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("source", "generated: dev.ovid.registry.dataset.demo.DemoDataset");
    report.put("videosIn", DemoDataset.clips().size());
    report.put("videosKept", entries.size());
    report.put("videosDroppedWithoutLabels", DemoDataset.clips().size() - entries.size());
    report.put("labelsUsed", used);
    report.put(
        "vocabularyLabelsAbsentFromDataset",
        wanted.stream().filter(l -> !used.contains(l)).toList());
    return publisher.publish(
        new DatasetVersionPublisher.Publication(
            DemoDataset.NAME,
            entries,
            report,
            "generated by Ovid: coloured shapes moving in four directions",
            Map.of("vocabulary", vocabulary.name, "labels", wanted),
            request.runId(),
            true,
            "curation/report.json"));
  }

  private List<ManifestEntry> storeDemoVideos(Set<String> wanted) {
    List<DemoClip> clips = DemoDataset.clips();
    List<ManifestEntry> entries = new ArrayList<>();
    Path dir = null;
    try {
      dir = Files.createTempDirectory("ovid-demo-videos");
      var writer = new DemoVideoWriter();
      for (int i = 0; i < clips.size(); i++) {
        DemoClip clip = clips.get(i);
        List<String> labels = clip.labels().stream().filter(wanted::contains).toList();
        if (labels.isEmpty()) continue;
        Path file = dir.resolve(clip.id() + ".mp4");
        writer.write(clip, file);
        String sha = Sha256.of(Files.readAllBytes(file));
        StoredObject video = store.put("datasets/demo/videos/" + sha + ".mp4", file);
        entries.add(new ManifestEntry(clip.id(), video.uri(), sha, labels, clip.split()));
        Activity.getExecutionContext().heartbeat(new CurationHeartbeat(i + 1, clips.size()));
      }
      return entries;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (BadInputException | UncheckedIOException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("writing demo videos: " + e.getMessage(), e);
    } finally {
      ScratchFiles.deleteTree(dir);
    }
  }
}
