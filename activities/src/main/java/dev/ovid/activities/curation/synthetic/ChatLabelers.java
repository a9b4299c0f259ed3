package dev.ovid.activities.curation.synthetic;

import dev.ovid.workflows.common.BadInputException;
import dev.ovid.workflows.curation.LabelerSpec;
import java.net.URI;
import java.time.Duration;
import org.eclipse.microprofile.config.ConfigProvider;

/** Builds a chat-completions labeler from a spec; the API key comes from the worker's config. */
final class ChatLabelers {
  private ChatLabelers() {}

  static ChatCompletionsLabeler create(LabelerSpec spec, int frames) {
    if (spec.baseUrl() == null || spec.baseUrl().isBlank()) {
      throw new BadInputException("a chat labeler needs baseUrl");
    }
    if (spec.model() == null || spec.model().isBlank()) {
      throw new BadInputException("a chat labeler needs model");
    }
    URI base;
    try {
      base = URI.create(spec.baseUrl());
    } catch (IllegalArgumentException e) {
      throw new BadInputException("chat labeler baseUrl is not a URL: " + spec.baseUrl());
    }
    var config = ConfigProvider.getConfig();
    // Secret: set OVID_SYNTHETIC_CHAT_API_KEY; unset for local servers without auth.
    String apiKey =
        config.getOptionalValue("ovid.synthetic.chat-api-key", String.class).orElse(null);
    long timeout =
        config.getOptionalValue("ovid.synthetic.chat-timeout-s", Long.class).orElse(120L);
    return new ChatCompletionsLabeler(
        new ChatCompletionsSettings(
            base,
            spec.model(),
            apiKey,
            spec.prompt() == null ? ChatCompletionsSettings.DEFAULT_PROMPT : spec.prompt(),
            frames,
            Duration.ofSeconds(timeout)));
  }
}
