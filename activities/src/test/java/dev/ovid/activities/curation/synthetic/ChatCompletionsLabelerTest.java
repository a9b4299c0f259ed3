package dev.ovid.activities.curation.synthetic;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a small local HTTP server speaking the chat-completions protocol. */
class ChatCompletionsLabelerTest {
  private HttpServer server;
  private final AtomicReference<JsonNode> received = new AtomicReference<>();
  private final AtomicReference<String> authorization = new AtomicReference<>();
  private volatile int status = 200;
  private volatile String reply;

  @BeforeEach
  void startServer() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/v1/chat/completions",
        exchange -> {
          received.set(new ObjectMapper().readTree(exchange.getRequestBody()));
          authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
          byte[] body = reply.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private ChatCompletionsLabeler labeler(int maxFrames) {
    URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    return new ChatCompletionsLabeler(
        new ChatCompletionsSettings(
            base,
            "vision-test",
            "secret",
            ChatCompletionsSettings.DEFAULT_PROMPT,
            maxFrames,
            Duration.ofSeconds(5)));
  }

  private static String answer(String content) throws Exception {
    var root = new ObjectMapper().createObjectNode();
    root.putArray("choices")
        .addObject()
        .putObject("message")
        .put("role", "assistant")
        .put("content", content);
    return root.toString();
  }

  @Test
  void sendsFramesAsImagesAndMapsTheAnswerOntoTheVocabulary() throws Exception {
    reply = answer("Red, Squares\n- moving left; unicorn");
    List<BufferedImage> frames =
        Collections.nCopies(8, new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB));
    List<String> vocabulary = List.of("red", "blue", "square", "moving left");

    LabelingResult result = labeler(3).label("v1", frames, vocabulary);

    assertEquals(
        List.of("red", "square", "moving left"),
        result.labels().stream().map(SyntheticLabel::label).toList());
    assertEquals(List.of("unicorn"), result.unmatched());
    assertTrue(
        result.labels().stream()
            .allMatch(l -> l.source().equals("chat:vision-test") && l.videoId().equals("v1")));
    JsonNode request = received.get();
    assertEquals("vision-test", request.path("model").asText());
    JsonNode content = request.path("messages").path(0).path("content");
    assertTrue(content.path(0).path("text").asText().contains("red, blue, square, moving left"));
    assertEquals(4, content.size(), "one text part and three images");
    assertTrue(
        content
            .path(1)
            .path("image_url")
            .path("url")
            .asText()
            .startsWith("data:image/jpeg;base64,"));
    assertEquals("Bearer secret", authorization.get());
  }

  @Test
  void serverErrorsAreReportedWithTheEndpointAndStatus() throws Exception {
    status = 503;
    reply = "{\"error\":\"overloaded\"}";
    var error =
        assertThrows(
            IllegalStateException.class,
            () ->
                labeler(1)
                    .label(
                        "v1",
                        List.of(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB)),
                        List.of("red")));
    assertTrue(error.getMessage().contains("HTTP 503"), error.getMessage());
    assertTrue(error.getMessage().contains("/v1/chat/completions"), error.getMessage());
  }

  @Test
  void anAnswerWithoutContentIsAnError() {
    reply = "{\"choices\":[]}";
    assertThrows(
        IllegalStateException.class,
        () ->
            labeler(1)
                .label(
                    "v1",
                    List.of(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB)),
                    List.of("red")));
  }
}
