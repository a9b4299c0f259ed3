package dev.ovid.model.label;

import ai.djl.ndarray.NDArray;
import dev.ovid.model.clip.ClipModel;
import java.util.List;

/** The CLIP baseline: one prompt per label, "a video of {label}.", through CLIP text. */
public final class ClassNamePromptEncoder extends FrozenClipTextEncoder {
  public static final String DEFAULT_TEMPLATE = "a video of {label}.";

  private final String template;

  public ClassNamePromptEncoder(ClipModel clip) {
    this(clip, DEFAULT_TEMPLATE);
  }

  /**
   * @param template a prompt containing {@code {label}}
   */
  public ClassNamePromptEncoder(ClipModel clip, String template) {
    super(clip);
    if (!template.contains(LearnableLlmPromptConfig.LABEL)) {
      throw new IllegalArgumentException("template lacks {label}: " + template);
    }
    this.template = template;
  }

  @Override
  public NDArray encode(List<String> labels) {
    ClipPrompts.requireLabels(labels);
    return ClipPrompts.unitFeatures(
        clip,
        labels.stream().map(l -> template.replace(LearnableLlmPromptConfig.LABEL, l)).toList());
  }
}
