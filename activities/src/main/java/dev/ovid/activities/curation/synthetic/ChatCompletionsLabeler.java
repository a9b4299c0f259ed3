package dev.ovid.activities.curation.synthetic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Asks a multimodal chat model (any OpenAI-compatible chat-completions endpoint) which vocabulary
 * labels fit a video, sending sampled frames as images, and maps its answer onto the vocabulary.
 */
public final class ChatCompletionsLabeler implements SyntheticLabeler {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ChatCompletionsSettings settings;
  private final HttpClient http;

  public ChatCompletionsLabeler(ChatCompletionsSettings settings) {
    this.settings = settings;
    this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
  }

  /** Provenance written with each label: "chat:" and the model name. */
  public String source() {
    return "chat:" + settings.model();
  }

  @Override
  public LabelingResult label(String videoId, List<BufferedImage> frames, List<String> vocabulary) {
    URI endpoint =
        URI.create(settings.baseUrl().toString().replaceAll("/+$", "") + "/chat/completions");
    String body = request(frames, vocabulary).toString();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .timeout(settings.timeout())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (settings.apiKey() != null) request.header("Authorization", "Bearer " + settings.apiKey());
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "chat endpoint " + endpoint + " unreachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while labelling " + videoId, e);
    }
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "chat endpoint "
              + endpoint
              + " answered HTTP "
              + response.statusCode()
              + ": "
              + abbreviate(response.body()));
    }
    String answer = answerText(response.body(), endpoint);
    return new VocabularyMatcher(vocabulary).matchAll(videoId, answer, source());
  }

  ObjectNode request(List<BufferedImage> frames, List<String> vocabulary) {
    ObjectNode root = JSON.createObjectNode();
    root.put("model", settings.model());
    root.put("temperature", 0);
    ArrayNode content =
        root.putArray("messages").addObject().put("role", "user").putArray("content");
    content
        .addObject()
        .put("type", "text")
        .put("text", settings.prompt().replace("{vocabulary}", String.join(", ", vocabulary)));
    for (BufferedImage frame : evenlySpaced(frames, settings.maxFrames())) {
      content
          .addObject()
          .put("type", "image_url")
          .putObject("image_url")
          .put("url", "data:image/jpeg;base64," + jpegBase64(frame));
    }
    return root;
  }

  private static String answerText(String body, URI endpoint) {
    try {
      JsonNode content =
          JSON.readTree(body).path("choices").path(0).path("message").path("content");
      if (!content.isTextual()) {
        throw new IllegalStateException(
            "chat endpoint " + endpoint + " sent no message content: " + abbreviate(body));
      }
      return content.asText();
    } catch (IOException e) {
      throw new IllegalStateException(
          "chat endpoint " + endpoint + " sent invalid JSON: " + abbreviate(body), e);
    }
  }

  static List<BufferedImage> evenlySpaced(List<BufferedImage> frames, int max) {
    if (frames.size() <= max) return frames;
    return java.util.stream.IntStream.range(0, max)
        .mapToObj(i -> frames.get((int) ((i + 0.5) * frames.size() / max)))
        .toList();
  }

  private static String jpegBase64(BufferedImage frame) {
    var out = new ByteArrayOutputStream();
    try {
      BufferedImage rgb =
          new BufferedImage(frame.getWidth(), frame.getHeight(), BufferedImage.TYPE_INT_RGB);
      rgb.getGraphics().drawImage(frame, 0, 0, null);
      ImageIO.write(rgb, "jpg", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Base64.getEncoder().encodeToString(out.toByteArray());
  }

  private static String abbreviate(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "…";
  }
}
