package dev.ovid.activities.expansion;

import dev.ovid.activities.common.ScratchFiles;
import dev.ovid.model.embeddings.LabelEmbeddingDatabase;
import dev.ovid.registry.objectstore.ObjectStore;
import dev.ovid.registry.objectstore.S3Location;

/** Reads a label-embedding database back from the object store, checking its sha256. */
public final class LabelEmbeddingFiles {
  private LabelEmbeddingFiles() {}

  public static LabelEmbeddingDatabase download(ObjectStore store, String uri, String sha256) {
    return ScratchFiles.withTempFile(
        "ovid-labels-",
        ".ovidemb",
        file -> {
          store.download(S3Location.parse(uri).key(), file, sha256);
          return LabelEmbeddingDatabase.load(file);
        });
  }
}
