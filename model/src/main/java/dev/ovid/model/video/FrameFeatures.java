package dev.ovid.model.video;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * What the frozen frame encoder saw, as HF's {@code hidden_states}: {@code hiddenStates.get(i)} [N,
 * 1 + P, W] is the input of encoder layer i (after the pre-norm for i = 0), and the last of the L +
 * 1 entries is the final layer's output; {@code imageEmbeds} [N, D] are the projected (not
 * normalised) CLS embeddings.
 */
public record FrameFeatures(List<NDArray> hiddenStates, NDArray imageEmbeds) {}
