package dev.ovid.activities.attributes;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * Where the fixed-LLM baseline's attributes are written (keys under {@code ovid.attributes};
 * defaults and documentation in the worker's application.properties). Without a chat endpoint the
 * run's T5 writes them by greedy decoding.
 */
@ConfigMapping(prefix = "ovid.attributes")
public interface AttributeSettings {
  /** An OpenAI-compatible endpoint, e.g. {@code http://127.0.0.1:8000/v1}. */
  Optional<String> chatBaseUrl();

  /** The model name sent to the chat endpoint (required with it). */
  Optional<String> chatModel();

  /** Bearer token for the chat endpoint; a secret, from the environment only. */
  Optional<String> chatApiKey();

  /** Seconds one chat request may take. */
  int chatTimeoutS();

  /** The question asked per label; {@code {label}} and {@code {k}} are replaced. */
  String chatPrompt();
}
