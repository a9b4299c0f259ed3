package dev.ovid.model.t5;

import ai.djl.ndarray.NDArray;

/**
 * The result of greedy decoding for S steps.
 *
 * @param tokens the chosen token ids [B, S] (int64); token s was predicted from hidden[:, s]
 * @param hidden the decoder's final hidden states after the final RMS norm [B, S, D], one per step;
 *     differentiable with respect to the encoder inputs when computed under a gradient collector
 */
public record DecodedSequence(NDArray tokens, NDArray hidden) {}
