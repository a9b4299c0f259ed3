package dev.ovid.model.label;

import ai.djl.ndarray.NDArray;
import dev.ovid.model.clip.ClipModel;
import java.util.Map;

/**
 * Base of the label encoders that only prompt the frozen CLIP text tower (class name, templates,
 * fixed LLM attributes): they differ in the prompts they build, not in what they train or expose.
 */
abstract class FrozenClipTextEncoder implements LabelEncoder {
  protected final ClipModel clip;

  protected FrozenClipTextEncoder(ClipModel clip) {
    this.clip = clip;
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
