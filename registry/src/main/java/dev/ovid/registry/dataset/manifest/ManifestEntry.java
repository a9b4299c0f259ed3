package dev.ovid.registry.dataset.manifest;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * One video of a dataset version: where it is (s3:// or file path), its sha256 (null when not yet
 * known), its human labels, its split (train, eval...) and the labels a machine added ({@code
 * synthetic}, with provenance).
 *
 * <p>{@code synthetic} is left out of the JSON when empty, so manifests written before it existed
 * keep their bytes and sha256, and still read.
 */
public record ManifestEntry(
    String id,
    String uri,
    String sha256,
    List<String> labels,
    String split,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<SyntheticManifestLabel> synthetic) {

  @JsonCreator
  public ManifestEntry(
      @JsonProperty("id") String id,
      @JsonProperty("uri") String uri,
      @JsonProperty("sha256") String sha256,
      @JsonProperty("labels") List<String> labels,
      @JsonProperty("split") String split,
      @JsonProperty("synthetic") List<SyntheticManifestLabel> synthetic) {
    this.id = id;
    this.uri = uri;
    this.sha256 = sha256;
    this.labels = labels;
    this.split = split;
    this.synthetic = synthetic == null ? List.of() : List.copyOf(synthetic);
  }

  /** A video with human labels only. */
  public ManifestEntry(String id, String uri, String sha256, List<String> labels, String split) {
    this(id, uri, sha256, labels, split, List.of());
  }

  /** Human labels first, then synthetic ones not already among them. */
  @JsonIgnore
  public List<String> allLabels() {
    var all = new LinkedHashSet<>(labels);
    synthetic.forEach(s -> all.add(s.label()));
    return List.copyOf(all);
  }

  public ManifestEntry withSynthetic(List<SyntheticManifestLabel> labels) {
    return new ManifestEntry(id, uri, sha256, this.labels, split, labels);
  }
}
