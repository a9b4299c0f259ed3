package dev.ovid.activities.curation.synthetic;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** The {@code ovid.synthetic.*} keys; defaults and docs in the worker's application.properties. */
@ConfigMapping(prefix = "ovid.synthetic")
public interface ChatLabelerSettings {
  /** Bearer token for the chat endpoint (a secret: set OVID_SYNTHETIC_CHAT_API_KEY). */
  Optional<String> chatApiKey();

  /** Seconds one chat-completions request may take. */
  long chatTimeoutS();
}
