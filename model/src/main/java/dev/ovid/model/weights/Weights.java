package dev.ovid.model.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Named tensors of a checkpoint, or a view of them under a name prefix ({@code
 * weights.prefix("text_model.encoder.layers.0.")}). Views share the arrays; closing is the owner
 * manager's job.
 */
public final class Weights {
  private static final String SINGLE_FILE = "model.safetensors";
  private static final String INDEX_FILE = "model.safetensors.index.json";

  /** Every tensor of the checkpoint (used to suggest names), and the ones of this view. */
  private final NavigableMap<String, NDArray> root;

  private final NavigableMap<String, NDArray> all;
  private final String prefix;
  private final String source;

  private Weights(
      NavigableMap<String, NDArray> root,
      NavigableMap<String, NDArray> all,
      String prefix,
      String source) {
    this.root = root;
    this.all = all;
    this.prefix = prefix;
    this.source = source;
  }

  private Weights(NavigableMap<String, NDArray> all, String prefix, String source) {
    this(all, all, prefix, source);
  }

  /** Wraps arrays the caller made; {@code source} names them in error messages. */
  public static Weights of(Map<String, NDArray> tensors, String source) {
    return new Weights(Collections.unmodifiableNavigableMap(new TreeMap<>(tensors)), "", source);
  }

  public static Weights of(Map<String, NDArray> tensors) {
    return of(tensors, "in-memory weights");
  }

  /** A safetensors file, or a checkpoint folder; floating tensors are widened to F32. */
  public static Weights load(Path fileOrDir, NDManager manager) throws IOException {
    return load(fileOrDir, manager, false);
  }

  /**
   * A safetensors file, or a checkpoint folder holding {@code model.safetensors} or a sharded
   * {@code model.safetensors.index.json}. BF16 is always widened to F32; F16 and F64 are kept only
   * when {@code keepDtype}.
   */
  public static Weights load(Path fileOrDir, NDManager manager, boolean keepDtype)
      throws IOException {
    if (!Files.isDirectory(fileOrDir)) {
      if (!Files.isRegularFile(fileOrDir)) {
        throw new java.io.FileNotFoundException(fileOrDir + ": no such checkpoint file or folder");
      }
      return SafetensorsReader.read(fileOrDir, manager, keepDtype);
    }
    Path index = fileOrDir.resolve(INDEX_FILE);
    if (Files.isRegularFile(index)) {
      return loadSharded(fileOrDir, index, manager, keepDtype);
    }
    Path single = fileOrDir.resolve(SINGLE_FILE);
    if (Files.isRegularFile(single)) {
      return SafetensorsReader.read(single, manager, keepDtype);
    }
    List<String> present;
    try (Stream<Path> files = Files.list(fileOrDir)) {
      present = files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
    throw new java.io.FileNotFoundException(
        fileOrDir
            + ": no "
            + SINGLE_FILE
            + " or "
            + INDEX_FILE
            + " (found "
            + present
            + "; convert .bin checkpoints to safetensors)");
  }

  private static Weights loadSharded(Path dir, Path index, NDManager manager, boolean keepDtype)
      throws IOException {
    JsonNode map = new ObjectMapper().readTree(index.toFile()).get("weight_map");
    if (map == null || !map.isObject()) {
      throw new SafetensorsFormatException(index, "no 'weight_map' object");
    }
    SortedSet<String> shards = new TreeSet<>();
    map.properties().forEach(e -> shards.add(e.getValue().asText()));
    TreeMap<String, NDArray> all = new TreeMap<>();
    for (String shard : shards) {
      all.putAll(SafetensorsReader.readAll(dir.resolve(shard), manager, keepDtype));
    }
    List<String> missing = new ArrayList<>();
    map.fieldNames()
        .forEachRemaining(
            n -> {
              if (!all.containsKey(n)) {
                missing.add(n);
              }
            });
    if (!missing.isEmpty()) {
      throw new SafetensorsFormatException(
          index, "names listed in weight_map but absent from their shards: " + missing);
    }
    return new Weights(Collections.unmodifiableNavigableMap(all), "", dir.toString());
  }

  /** The tensor called {@code name} (relative to this view's prefix). */
  public NDArray get(String name) {
    NDArray a = all.get(prefix + name);
    if (a == null) {
      throw new MissingWeightException(
          source
              + " has no tensor '"
              + prefix
              + name
              + "'"
              + (names().isEmpty() ? " (and nothing under '" + prefix + "')" : "")
              + "; closest names: "
              + closest(prefix + name, 5));
    }
    return a;
  }

  public Optional<NDArray> find(String name) {
    return Optional.ofNullable(all.get(prefix + name));
  }

  public boolean contains(String name) {
    return all.containsKey(prefix + name);
  }

  /** A view of the tensors whose names start with {@code more}, named without it. */
  public Weights prefix(String more) {
    String p = prefix + more;
    return new Weights(root, root.subMap(p, true, p + Character.MAX_VALUE, false), p, source);
  }

  /**
   * The same checkpoint with the tensors whose full names {@code select} accepts replaced by {@code
   * convert} of them (the originals are closed): how a frozen tower is stored in bfloat16 for mixed
   * precision. Only for a whole checkpoint, before any block reads it.
   */
  public Weights convert(
      java.util.function.Predicate<String> select,
      java.util.function.UnaryOperator<NDArray> convert) {
    if (!prefix.isEmpty()) {
      throw new IllegalStateException("convert a whole checkpoint, not the view " + prefix);
    }
    NavigableMap<String, NDArray> out = new TreeMap<>();
    for (Map.Entry<String, NDArray> e : root.entrySet()) {
      NDArray a = e.getValue();
      if (select.test(e.getKey())) {
        NDArray converted = convert.apply(a);
        if (converted != a) {
          a.close();
          a = converted;
        }
      }
      out.put(e.getKey(), a);
    }
    return new Weights(Collections.unmodifiableNavigableMap(out), "", source);
  }

  /** Names in this view, relative to its prefix, sorted. */
  public SortedSet<String> names() {
    SortedSet<String> out = new TreeSet<>();
    for (String n : all.keySet()) {
      if (n.startsWith(prefix)) {
        out.add(n.substring(prefix.length()));
      }
    }
    return Collections.unmodifiableSortedSet(out);
  }

  /** The tensors of this view by relative name (a copy of the map, sharing the arrays). */
  public Map<String, NDArray> asMap() {
    Map<String, NDArray> out = new TreeMap<>();
    for (Map.Entry<String, NDArray> e : all.entrySet()) {
      if (e.getKey().startsWith(prefix)) {
        out.put(e.getKey().substring(prefix.length()), e.getValue());
      }
    }
    return out;
  }

  public int size() {
    return names().size();
  }

  /** Where the tensors came from, for messages. */
  public String source() {
    return source;
  }

  private List<String> closest(String wanted, int count) {
    return root.keySet().stream()
        .sorted(
            Comparator.comparingInt((String n) -> editDistance(wanted, n)).thenComparing(n -> n))
        .limit(count)
        .collect(Collectors.toList());
  }

  static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
