package dev.ovid.model.label;

import ai.djl.ndarray.NDArray;
import dev.ovid.model.clip.ClipModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Prompt ensembling: each label through several templates, the normalized CLIP embeddings
 * mean-pooled and normalized again.
 */
public final class PromptTemplatesEncoder extends FrozenClipTextEncoder {
  /** A few video-flavoured templates in the style of CLIP's ImageNet/Kinetics ensembles. */
  public static final List<String> DEFAULT_TEMPLATES =
      List.of(
          "a video of {label}.",
          "a video of a person doing {label}.",
          "a photo of {label}.",
          "a clip showing {label}.",
          "an example of {label}.",
          "a blurry video of {label}.",
          "a close-up video of {label}.",
          "a video containing {label}.");

  private final List<String> templates;

  public PromptTemplatesEncoder(ClipModel clip) {
    this(clip, DEFAULT_TEMPLATES);
  }

  /**
   * @param templates prompts each containing {@code {label}}
   */
  public PromptTemplatesEncoder(ClipModel clip, List<String> templates) {
    super(clip);
    if (templates.isEmpty()) {
      throw new IllegalArgumentException("no templates");
    }
    for (String t : templates) {
      if (!t.contains(LearnableLlmPromptConfig.LABEL)) {
        throw new IllegalArgumentException("template lacks {label}: " + t);
      }
    }
    this.templates = List.copyOf(templates);
  }

  @Override
  public NDArray encode(List<String> labels) {
    ClipPrompts.requireLabels(labels);
    List<String> prompts = new ArrayList<>(labels.size() * templates.size());
    for (String label : labels) {
      for (String t : templates) {
        prompts.add(t.replace(LearnableLlmPromptConfig.LABEL, label));
      }
    }
    NDArray unit = ClipPrompts.unitFeatures(clip, prompts);
    return ClipPrompts.poolGroups(unit, labels.size(), templates.size());
  }

  public List<String> templates() {
    return templates;
  }
}
