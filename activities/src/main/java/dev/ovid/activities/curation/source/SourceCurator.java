package dev.ovid.activities.curation.source;

import dev.ovid.activities.common.ScratchFiles;
import dev.ovid.activities.curation.DatasetVersionPublisher;
import dev.ovid.activities.curation.DatasetVersionPublisher.Publication;
import dev.ovid.activities.curation.kinetics.KineticsCsvReader;
import dev.ovid.activities.ingestion.video.VideoDecodeException;
import dev.ovid.activities.ingestion.video.VideoProbe;
import dev.ovid.registry.common.Sha256;
import dev.ovid.registry.dataset.DatasetSource;
import dev.ovid.registry.dataset.DatasetSourceKind;
import dev.ovid.registry.dataset.UnreadableVideoHandling;
import dev.ovid.registry.dataset.manifest.DatasetManifest;
import dev.ovid.registry.dataset.manifest.ManifestEntry;
import dev.ovid.registry.objectstore.ObjectStore;
import dev.ovid.registry.objectstore.StoredObject;
import dev.ovid.workflows.common.BadInputException;
import dev.ovid.workflows.curation.DatasetVersionRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Curates a registered {@link DatasetSource} against a vocabulary: reads the manifest or Kinetics
 * CSV line by line, keeps the vocabulary's labels, checks that every video decodes, copies each
 * into the object store by sha256 and publishes the dataset version with its report.
 *
 * <p>Retries are safe: objects are content-addressed and never overwritten, and the version is
 * registered (idempotently, by manifest sha256) only after everything is stored.
 */
@ApplicationScoped
public class SourceCurator {
  /** Told after each video: how many are done out of how many to check. */
  public interface Progress {
    void videosDone(int done, int total);
  }

  /** A video left out under the SKIP policy, listed in the report. */
  public record Unreadable(String id, String uri, String reason) {}

  @Inject ObjectStore store;
  @Inject dev.ovid.registry.dataset.SourceLocations locations;
  @Inject DatasetVersionPublisher publisher;

  public DatasetVersionRef curate(
      DatasetSource source,
      String vocabularyName,
      Set<String> vocabulary,
      long runId,
      Progress progress) {
    SourceFiles files = new SourceFiles(store, locations);
    Map<String, Object> kindReport = Map.of();
    Map<String, Object> kindConfig = Map.of();
    List<ManifestEntry> read;
    if (source.kind == DatasetSourceKind.YT8M_TFRECORD) {
      // Vocabulary rows and TFRecords stream in; heartbeat while they do.
      var youtube8m = Youtube8mSourceReader.read(source, files, rows -> progress.videosDone(0, 0));
      read = youtube8m.entries();
      kindReport = youtube8m.report();
      kindConfig = youtube8m.config();
    } else {
      read = read(source, files);
    }

    Map<String, Integer> droppedLabels = new TreeMap<>();
    List<ManifestEntry> candidates = new ArrayList<>();
    for (ManifestEntry entry : read) {
      List<String> kept = entry.labels().stream().filter(vocabulary::contains).toList();
      entry.labels().stream()
          .filter(l -> !vocabulary.contains(l))
          .forEach(l -> droppedLabels.merge(l, 1, Integer::sum));
      if (kept.isEmpty()) continue;
      candidates.add(
          new ManifestEntry(
              entry.id(),
              entry.uri(),
              entry.sha256(),
              kept,
              entry.split(),
              entry.synthetic().stream().filter(s -> vocabulary.contains(s.label())).toList()));
    }
    if (candidates.isEmpty()) {
      throw new BadInputException(
          "no video of dataset source '"
              + source.name
              + "' ("
              + source.location
              + ") has a label of vocabulary '"
              + vocabularyName
              + "'");
    }

    List<ManifestEntry> stored = new ArrayList<>();
    List<Unreadable> unreadable = new ArrayList<>();
    Path scratch = null;
    try {
      scratch = Files.createTempDirectory("ovid-curation-");
      for (int i = 0; i < candidates.size(); i++) {
        ManifestEntry entry = candidates.get(i);
        String problem = null;
        Path local = files.local(entry.uri(), scratch);
        if (local == null) {
          problem = "no such file or object";
        } else {
          try {
            VideoProbe.check(local, entry.uri());
          } catch (VideoDecodeException e) {
            problem = e.getMessage().replace("cannot decode video " + entry.uri() + ": ", "");
          }
        }
        if (problem != null) {
          if (source.unreadablePolicy == UnreadableVideoHandling.FAIL) {
            throw new BadInputException(
                "video "
                    + entry.id()
                    + " ("
                    + entry.uri()
                    + ") of dataset source '"
                    + source.name
                    + "' is unreadable: "
                    + problem
                    + " (policy FAIL; register the source with policy SKIP to leave it out)");
          }
          unreadable.add(new Unreadable(entry.id(), entry.uri(), problem));
        } else {
          stored.add(store(source, entry, local));
        }
        progress.videosDone(i + 1, candidates.size());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      ScratchFiles.deleteTree(scratch);
    }
    if (stored.isEmpty()) {
      throw new BadInputException(
          "every video of dataset source '" + source.name + "' is unreadable: " + unreadable);
    }

    Set<String> used = new TreeSet<>();
    stored.forEach(e -> used.addAll(e.labels()));
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("source", source.name);
    report.put("kind", source.kind.name());
    report.put("location", source.location);
    report.put("videoRoot", source.videoRoot);
    report.put("unreadablePolicy", source.unreadablePolicy.name());
    report.put("videosIn", read.size());
    report.put("videosKept", stored.size());
    report.put("videosDroppedWithoutLabels", read.size() - candidates.size());
    report.put("videosUnreadable", unreadable);
    report.put("labelsDroppedNotInVocabulary", droppedLabels);
    report.put("labelsUsed", used);
    report.put(
        "vocabularyLabelsAbsentFromDataset",
        vocabulary.stream().filter(l -> !used.contains(l)).sorted().toList());
    report.putAll(kindReport);

    Map<String, Object> config = new LinkedHashMap<>();
    config.put("source", source.name);
    config.put("kind", source.kind.name());
    config.put("location", source.location);
    config.put("videoRoot", source.videoRoot);
    config.put("unreadablePolicy", source.unreadablePolicy.name());
    config.put("vocabulary", vocabularyName);
    config.put("labels", new TreeSet<>(vocabulary));
    config.putAll(kindConfig);
    return publisher.publish(
        new Publication(
            source.name,
            stored,
            report,
            source.kind + " " + source.location,
            config,
            runId,
            true,
            "curation/report.json"));
  }

  private static List<ManifestEntry> read(DatasetSource source, SourceFiles files) {
    try (InputStream in = files.open(source.location)) {
      if (source.kind == DatasetSourceKind.KINETICS_CSV) {
        return new KineticsCsvReader(source.videoRoot).read(in, source.location);
      }
      List<ManifestEntry> entries = new ArrayList<>();
      DatasetManifest.forEach(in, source.location, entries::add);
      return entries;
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + source.location, e);
    }
  }

  /** Copies the video into the store under its sha256 (a no-op when it is already there). */
  private ManifestEntry store(DatasetSource source, ManifestEntry entry, Path local) {
    String sha = Sha256.of(local);
    if (entry.sha256() != null && !entry.sha256().equalsIgnoreCase(sha)) {
      throw new BadInputException(
          "video "
              + entry.id()
              + " ("
              + entry.uri()
              + ") has sha256 "
              + sha
              + " but the source says "
              + entry.sha256());
    }
    String key = "datasets/" + source.name + "/videos/" + sha + SourceFiles.suffix(entry.uri());
    StoredObject object = store.put(key, local);
    return new ManifestEntry(
        entry.id(), object.uri(), sha, entry.labels(), entry.split(), entry.synthetic());
  }
}
