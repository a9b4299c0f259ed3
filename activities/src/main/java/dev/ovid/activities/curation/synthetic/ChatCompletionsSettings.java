package dev.ovid.activities.curation.synthetic;

import java.net.URI;
import java.time.Duration;

/**
 * An OpenAI-compatible chat-completions endpoint that accepts images.
 *
 * @param baseUrl e.g. {@code http://127.0.0.1:8000/v1}; {@code /chat/completions} is appended
 * @param model the model name sent in the request
 * @param apiKey sent as a bearer token; null for local servers without auth
 * @param prompt instruction; {@code {vocabulary}} is replaced by the comma-separated labels
 * @param maxFrames frames sent per video (evenly spaced)
 * @param timeout per request
 */
public record ChatCompletionsSettings(
    URI baseUrl, String model, String apiKey, String prompt, int maxFrames, Duration timeout) {

  public static final String DEFAULT_PROMPT =
      "These are frames of one video. Which of these labels describe it? Answer only with labels"
          + " from this list, comma-separated, nothing else: {vocabulary}";

  public ChatCompletionsSettings {
    if (maxFrames < 1) throw new IllegalArgumentException("maxFrames must be >= 1");
    if (model == null || model.isBlank()) throw new IllegalArgumentException("model is required");
  }
}
