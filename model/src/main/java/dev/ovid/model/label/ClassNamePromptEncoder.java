package dev.ovid.model.label;

import ai.djl.ndarray.NDArray;
import dev.ovid.model.clip.ClipModel;
import java.util.List;
import java.util.Map;

/** The CLIP baseline: one prompt per label, "a video of {label}.", through CLIP text. */
public final class ClassNamePromptEncoder implements LabelEncoder {
  public static final String DEFAULT_TEMPLATE = "a video of {label}.";

  private final ClipModel clip;
  private final String template;

  public ClassNamePromptEncoder(ClipModel clip) {
    this(clip, DEFAULT_TEMPLATE);
  }

  /**
   * @param template a prompt containing {@code {label}}
   */
  public ClassNamePromptEncoder(ClipModel clip, String template) {
    if (!template.contains(LearnableLlmPromptConfig.LABEL)) {
      throw new IllegalArgumentException("template lacks {label}: " + template);
    }
    this.clip = clip;
    this.template = template;
  }

  @Override
  public NDArray encode(List<String> labels) {
    ClipPrompts.requireLabels(labels);
    return ClipPrompts.unitFeatures(
        clip,
        labels.stream().map(l -> template.replace(LearnableLlmPromptConfig.LABEL, l)).toList());
  }

  @Override
  public int embedDim() {
    return clip.config().projectionDim();
  }

  @Override
  public Map<String, NDArray> trainableParameters() {
    return Map.of();
  }

  @Override
  public Map<String, NDArray> frozenParameters() {
    return ClipPrompts.parametersOf("clip_text.", clip.text());
  }
}
