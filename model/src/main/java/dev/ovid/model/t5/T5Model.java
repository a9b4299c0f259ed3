package dev.ovid.model.t5;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.ovid.model.core.Tensors;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * A frozen Hugging Face {@code T5ForConditionalGeneration} (T5, T5 v1.1, Flan-T5): shared token
 * embedding, encoder and decoder stacks, and the LM head. It takes {@code inputs_embeds}, so
 * learned vectors can be prepended to an embedded prompt, and decodes greedily for a fixed number
 * of steps returning the decoder's hidden states.
 */
public final class T5Model extends FrozenBlock {
  private final T5Config config;
  private final Parameter shared;
  private final Parameter lmHead;
  private final T5Stack encoder;
  private final T5Stack decoder;

  /**
   * Builds the model from checkpoint tensors named as in HF's state dict ({@code shared.weight},
   * {@code encoder.block.0.layer.0.SelfAttention.q.weight}, ...).
   */
  public T5Model(T5Config config, Function<String, NDArray> weights) {
    this.config = config;
    this.shared = frozen("shared", weights, "shared.weight");
    this.encoder = addChildBlock("encoder", new T5Stack(weights, "encoder", config, false));
    this.decoder = addChildBlock("decoder", new T5Stack(weights, "decoder", config, true));
    // Tied checkpoints are saved without lm_head.weight; HF then scales by d_model^-0.5.
    this.lmHead =
        config.tieWordEmbeddings() ? shared : frozen("lm_head", weights, "lm_head.weight");
  }

  /** Loads {@code config.json} and {@code model.safetensors} (f32, f16 or bf16) from a folder. */
  public static T5Model load(Path folder, NDManager manager) {
    T5Config config = T5Config.read(folder.resolve("config.json"));
    return new T5Model(config, T5Checkpoint.open(folder, manager));
  }

  public T5Config config() {
    return config;
  }

  /** Embedding width d_model: the size of a learnable prefix vector. */
  public int dModel() {
    return config.dModel();
  }

  /** The shared token-embedding matrix [V, D] (frozen; read it, never write it). */
  public NDArray sharedEmbedding() {
    return shared.getArray();
  }

  /** Token embeddings [.., D] for ids of any shape (int32 or int64). */
  public NDArray embed(NDArray ids) {
    // Attached to the ids' manager, not the weights' one, so per-call arrays are not kept alive.
    // torch.embedding rather than indexing: when the table trains (the shapes world's T5
    // pretraining), indexing's backward accumulates repeated ids in a thread-dependent order, so
    // two runs of the same seed gave different T5s; embedding's dense backward does not.
    NDArray table = shared.getArray();
    NDArray index = ids.toType(DataType.INT64, false).toDevice(table.getDevice(), false);
    return Embedding.embedding(index, table, SparseFormat.DENSE).singletonOrThrow();
  }

  /**
   * Encoder's last hidden state (after the final norm) [B, L, D].
   *
   * @param inputsEmbeds [B, L, D]
   * @param mask [B, L], 1 to attend, 0 for padding
   */
  public NDArray encode(NDArray inputsEmbeds, NDArray mask) {
    return encoder.encode(inputsEmbeds, mask);
  }

  /**
   * Decoder's final hidden states (after the final norm) for a whole decoder input sequence
   * (teacher forcing, causal): [B, Ld, D]. Position s holds the state that predicts token s+1.
   */
  public NDArray decode(NDArray decoderInputIds, NDArray encoderOutput, NDArray encoderMask) {
    return decoder.decode(embed(decoderInputIds), encoderOutput, encoderMask);
  }

  /** DJL entry: {@code (inputsEmbeds [B,L,D], mask [B,L])} → {@code (encoder output [B,L,D])}. */
  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    if (inputs.size() != 2) {
      throw new IllegalArgumentException(
          "T5Model takes (inputsEmbeds, mask), got " + inputs.size());
    }
    return new NDList(encode(inputs.get(0), inputs.get(1)));
  }

  /** LM logits [.., V] from decoder hidden states (with the d_model^-0.5 rescale when tied). */
  public NDArray logits(NDArray decoderHidden) {
    NDArray h =
        config.tieWordEmbeddings()
            ? Tensors.mul(decoderHidden, (float) Math.pow(config.dModel(), -0.5))
            : decoderHidden;
    return linear(h, lmHead);
  }

  /**
   * Greedy decoding for exactly {@code steps} steps (no stop at EOS: callers need a fixed count of
   * vectors), starting from {@code decoder_start_token_id}.
   *
   * <p>Token choice runs incrementally (key/value cache) on a detached copy of the encoder output,
   * since argmax is not differentiable. The hidden states are then recomputed in one causal pass
   * over the chosen sequence from the attached encoder output, so they carry gradients back to
   * whatever produced {@code encoderOutput} (e.g. learnable prefix vectors). The causal mask makes
   * that pass equal to the step-by-step states.
   */
  public DecodedSequence greedyDecode(NDArray encoderOutput, NDArray encoderMask, int steps) {
    NDArray all = greedyTokens(encoderOutput, encoderMask, steps);
    NDArray hidden = decode(all.get(":, :-1"), encoderOutput, encoderMask);
    return new DecodedSequence(all.get(":, 1:"), hidden);
  }

  /**
   * The greedy choice alone: [batch, steps + 1] token ids, the decoder start token first, computed
   * without gradients (on {@code encoderOutput}'s manager).
   */
  public NDArray greedyTokens(NDArray encoderOutput, NDArray encoderMask, int steps) {
    if (steps < 1) {
      throw new IllegalArgumentException("steps must be >= 1, got " + steps);
    }
    NDManager manager = encoderOutput.getManager();
    int batch = Math.toIntExact(encoderOutput.getShape().get(0));
    long[] ids = new long[batch * (steps + 1)];
    for (int b = 0; b < batch; b++) {
      ids[b * (steps + 1)] = config.decoderStartTokenId();
    }
    try (NDManager scratch = manager.newSubManager()) {
      NDArray detached = encoderOutput.stopGradient();
      detached.attach(scratch);
      NDArray mask = encoderMask.duplicate();
      mask.attach(scratch);
      DecoderCache cache = decoder.newCache(detached, mask);
      long[] current = new long[batch];
      java.util.Arrays.fill(current, config.decoderStartTokenId());
      for (int s = 0; s < steps; s++) {
        NDArray input = scratch.create(current, new Shape(batch, 1));
        NDArray state = decoder.decodeStep(embed(input), cache);
        long[] next = logits(state).argMax(-1).toType(DataType.INT64, false).toLongArray();
        for (int b = 0; b < batch; b++) {
          ids[b * (steps + 1) + s + 1] = next[b];
          current[b] = next[b];
        }
      }
    }
    return manager.create(ids, new Shape(batch, steps + 1));
  }
}
