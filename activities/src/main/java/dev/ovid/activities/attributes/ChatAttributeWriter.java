package dev.ovid.activities.attributes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ovid.model.label.T5AttributeGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * Asks an OpenAI-compatible chat-completions endpoint for K attributes of a label (temperature 0,
 * so the answer is as repeatable as the endpoint allows), split as the T5's answer is.
 */
final class ChatAttributeWriter implements Function<String, List<String>> {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI endpoint;
  private final String model;
  private final String apiKey;
  private final String prompt;
  private final int k;
  private final Duration timeout;
  private final HttpClient http;

  ChatAttributeWriter(
      String baseUrl, String model, String apiKey, String prompt, int k, Duration timeout) {
    this.endpoint = URI.create(baseUrl.replaceAll("/+$", "") + "/chat/completions");
    this.model = model;
    this.apiKey = apiKey;
    this.prompt = prompt;
    this.k = k;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  String question(String label) {
    return prompt.replace("{label}", label).replace("{k}", Integer.toString(k));
  }

  @Override
  public List<String> apply(String label) {
    ObjectNode body = JSON.createObjectNode();
    body.put("model", model);
    body.put("temperature", 0);
    body.putArray("messages").addObject().put("role", "user").put("content", question(label));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    if (apiKey != null) request.header("Authorization", "Bearer " + apiKey);
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "chat endpoint " + endpoint + " unreachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted asking attributes of " + label, e);
    }
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "chat endpoint " + endpoint + " answered HTTP " + response.statusCode());
    }
    JsonNode content;
    try {
      content = JSON.readTree(response.body()).path("choices").path(0).path("message");
    } catch (IOException e) {
      throw new IllegalStateException("chat endpoint " + endpoint + " sent invalid JSON", e);
    }
    if (!content.path("content").isTextual()) {
      throw new IllegalStateException("chat endpoint " + endpoint + " sent no message content");
    }
    return T5AttributeGenerator.split(content.path("content").asText(), label, k);
  }
}
