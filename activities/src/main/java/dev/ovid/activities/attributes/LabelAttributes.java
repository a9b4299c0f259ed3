package dev.ovid.activities.attributes;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ovid.activities.common.Actors;
import dev.ovid.activities.training.AttributeSources;
import dev.ovid.registry.attributes.LabelAttributeSet;
import dev.ovid.registry.attributes.LabelAttributeSets;
import dev.ovid.registry.attributes.NewLabelAttributeSet;
import dev.ovid.registry.common.IntegrityException;
import dev.ovid.registry.common.Json;
import dev.ovid.registry.common.Sha256;
import dev.ovid.registry.objectstore.ObjectStore;
import dev.ovid.registry.objectstore.S3Location;
import dev.ovid.registry.objectstore.StoredObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The fixed-LLM baseline's attributes as stored artifacts: K per label, written by the run's T5
 * (greedy decoding) or, when {@code ovid.attributes.chat-base-url} is set, by that
 * OpenAI-compatible endpoint. A set is an immutable JSON object in MinIO under {@code
 * attributes/<sha256>.json}; its provenance (generator, model, prompt, K, labels, vocabulary
 * version) is a {@link LabelAttributeSet} row. The same inputs (generator, model, prompt, K,
 * labels) come back to the stored set, read and checked against its sha256, and nothing is
 * generated again.
 */
@ApplicationScoped
public class LabelAttributes {
  private static final Logger LOG = Logger.getLogger(LabelAttributes.class);
  static final String FORMAT = "ovid-label-attributes-v1";

  @Inject ObjectStore store;
  @Inject LabelAttributeSets sets;
  @Inject AttributeSettings settings;

  /** What writes attributes, as recorded: kind, model, prompt, K and the writing function. */
  record Writer(
      String generator, String model, String prompt, int k, Function<String, List<String>> write) {}

  /** Attribute sources recording {@code vocabularyVersionId} (may be null) as provenance. */
  public AttributeSources sources(Long vocabularyVersionId) {
    return (t5Model, t5Prompt, k, t5) -> {
      Writer writer = writer(t5Model, t5Prompt, k, t5);
      return labels -> resolve(writer, labels, vocabularyVersionId);
    };
  }

  Writer writer(String t5Model, String t5Prompt, int k, Function<String, List<String>> t5) {
    if (settings.chatBaseUrl().isPresent()) {
      String base = settings.chatBaseUrl().get();
      String model =
          settings
              .chatModel()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "ovid.attributes.chat-base-url is set but ovid.attributes.chat-model"
                              + " is not"));
      var chat =
          new ChatAttributeWriter(
              base,
              model,
              settings.chatApiKey().orElse(null),
              settings.chatPrompt(),
              k,
              Duration.ofSeconds(settings.chatTimeoutS()));
      return new Writer(
          LabelAttributeSet.CHAT, model + " @ " + base, settings.chatPrompt(), k, chat);
    }
    return new Writer(LabelAttributeSet.T5, t5Model, t5Prompt, k, t5);
  }

  /** Attributes of {@code labels}: the stored set for these inputs, or a new one made now. */
  Map<String, List<String>> resolve(Writer writer, List<String> labels, Long vocabularyVersionId) {
    List<String> sorted = List.copyOf(new TreeSet<>(labels));
    String labelsSha = Sha256.of(String.join("\n", sorted).getBytes(StandardCharsets.UTF_8));
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("format", FORMAT);
    inputs.put("generator", writer.generator());
    inputs.put("model", writer.model());
    inputs.put("prompt", writer.prompt());
    inputs.put("k", writer.k());
    inputs.put("labels", sorted);
    String inputsSha = Sha256.of(Json.write(inputs).getBytes(StandardCharsets.UTF_8));
    var stored = sets.reuse(inputsSha);
    if (stored.isPresent()) {
      return read(stored.get());
    }
    Map<String, List<String>> attributes = new TreeMap<>();
    for (String label : sorted) {
      attributes.put(label, List.copyOf(writer.write().apply(label)));
    }
    Map<String, Object> document = new LinkedHashMap<>(inputs);
    document.remove("labels");
    document.put("labelsSha256", labelsSha);
    document.put("attributes", attributes);
    byte[] bytes = Json.write(document).getBytes(StandardCharsets.UTF_8);
    String sha = Sha256.of(bytes);
    StoredObject object = store.put("attributes/" + sha + ".json", bytes);
    LabelAttributeSet set =
        sets.record(
            new NewLabelAttributeSet(
                inputsSha,
                writer.generator(),
                clip(writer.model(), 500),
                clip(writer.prompt(), 2000),
                writer.k(),
                sorted.size(),
                labelsSha,
                vocabularyVersionId,
                object.uri(),
                object.sha256()),
            Actors.WORKER);
    LOG.infof(
        "label attribute set %d: %d labels x %d attributes from %s (%s)",
        set.id, sorted.size(), writer.k(), writer.generator(), writer.model());
    return attributes;
  }

  private Map<String, List<String>> read(LabelAttributeSet set) {
    S3Location location = S3Location.parse(set.artifactUri);
    byte[] bytes = store.getBytes(location.key());
    if (!Sha256.of(bytes).equals(set.artifactSha256)) {
      throw new IntegrityException(
          "label attribute set "
              + set.id
              + " ("
              + set.artifactUri
              + ") changed since it was stored");
    }
    try {
      JsonNode root = Json.mapper().readTree(bytes);
      return Json.mapper()
          .convertValue(root.path("attributes"), new TypeReference<Map<String, List<String>>>() {});
    } catch (IOException e) {
      throw new IntegrityException(
          "label attribute set " + set.id + " (" + set.artifactUri + ") is not JSON");
    }
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
