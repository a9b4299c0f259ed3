package dev.ovid.activities.curation.synthetic;

import dev.ovid.workflows.common.BadInputException;
import dev.ovid.workflows.curation.LabelerSpec;
import java.net.URI;
import java.time.Duration;

/** Builds a chat-completions labeler from a spec; the API key comes from the worker's config. */
final class ChatLabelers {
  private ChatLabelers() {}

  static ChatCompletionsLabeler create(LabelerSpec spec, int frames, ChatLabelerSettings settings) {
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
    return new ChatCompletionsLabeler(
        new ChatCompletionsSettings(
            base,
            spec.model(),
            settings.chatApiKey().orElse(null),
            spec.prompt() == null ? ChatCompletionsSettings.DEFAULT_PROMPT : spec.prompt(),
            frames,
            Duration.ofSeconds(settings.chatTimeoutS())));
  }
}
