package dev.ovid.model.video;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * What the frozen frame encoder saw: {@code layerOutputs.get(i)} is encoder layer i's output [N, 1
 * + P, W] (HF {@code hidden_states[i + 1]}); {@code imageEmbeds} [N, D] are the projected CLS
 * embeddings.
 */
public record FrameFeatures(List<NDArray> layerOutputs, NDArray imageEmbeds) {}
