package dev.ovid.activities.attributes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.ovid.registry.attributes.LabelAttributeSet;
import dev.ovid.registry.attributes.LabelAttributeSets;
import dev.ovid.registry.common.Sha256;
import dev.ovid.registry.objectstore.ObjectStore;
import dev.ovid.registry.objectstore.S3Location;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Generated attributes become a content-addressed object in MinIO with a provenance row in
 * PostgreSQL, and the same inputs are served from it without generating again.
 */
@QuarkusTest
class LabelAttributesTest {
  @Inject LabelAttributes attributes;
  @Inject LabelAttributeSets sets;
  @Inject ObjectStore store;

  @Test
  void storesTheSetWithItsProvenanceAndReusesItForTheSameInputs() {
    String model = "test T5 " + UUID.randomUUID();
    AtomicInteger asked = new AtomicInteger();
    var writer =
        new LabelAttributes.Writer(
            LabelAttributeSet.T5,
            model,
            "what are useful features for distinguishing a {label} in a video?",
            2,
            label -> {
              asked.incrementAndGet();
              return List.of(label + " shape", label + " colour");
            });

    Map<String, List<String>> first =
        attributes.resolve(writer, List.of("zebra", "ant", "zebra"), null);
    assertEquals(List.of("ant shape", "ant colour"), first.get("ant"));
    assertEquals(2, asked.get(), "each distinct label asked once");
    LabelAttributeSet set =
        sets.all().stream().filter(s -> s.model.equals(model)).findFirst().orElseThrow();
    assertEquals("t5", set.generator);
    assertEquals(2, set.attributesPerLabel);
    assertEquals(2, set.labelCount);
    assertTrue(set.prompt.contains("{label}"), set.prompt);
    // Content-addressed: the object's key is its sha256, and the bytes match it.
    byte[] bytes = store.getBytes(S3Location.parse(set.artifactUri).key());
    assertEquals(set.artifactSha256, Sha256.of(bytes));
    assertTrue(set.artifactUri.endsWith("attributes/" + set.artifactSha256 + ".json"));
    assertTrue(new String(bytes, StandardCharsets.UTF_8).contains("\"zebra colour\""));

    // Same inputs (order and repeats aside): read back from MinIO, nothing generated.
    Map<String, List<String>> again = attributes.resolve(writer, List.of("ant", "zebra"), null);
    assertEquals(first, again);
    assertEquals(2, asked.get());
    assertEquals(1, sets.find(set.inputsSha256).orElseThrow().reuseCount);
    assertEquals(1, sets.all().stream().filter(s -> s.model.equals(model)).count());

    // Other inputs (K) make a new set.
    var k3 =
        new LabelAttributes.Writer(
            LabelAttributeSet.T5, model, writer.prompt(), 3, l -> List.of("a", "b", "c"));
    attributes.resolve(k3, List.of("ant"), null);
    assertEquals(2, sets.all().stream().filter(s -> s.model.equals(model)).count());
  }

  @Test
  void anOpenAiCompatibleEndpointWritesKAttributesPerLabel() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    List<String> bodies = new java.util.concurrent.CopyOnWriteArrayList<>();
    server.createContext(
        "/v1/chat/completions",
        exchange -> {
          bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          byte[] answer =
              "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"striped coat, four legs, mane\"}}]}"
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
    try {
      var chat =
          new ChatAttributeWriter(
              "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/",
              "llm-test",
              null,
              "List {k} visual features of a {label}.",
              3,
              Duration.ofSeconds(30));
      assertEquals(List.of("striped coat", "four legs", "mane"), chat.apply("zebra"));
      assertTrue(bodies.get(0).contains("\"model\":\"llm-test\""), bodies.get(0));
      assertTrue(bodies.get(0).contains("List 3 visual features of a zebra."), bodies.get(0));
      assertTrue(bodies.get(0).contains("\"temperature\":0"), bodies.get(0));
    } finally {
      server.stop(0);
    }
  }
}
