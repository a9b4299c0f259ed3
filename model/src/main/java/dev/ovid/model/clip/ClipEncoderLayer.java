package dev.ovid.model.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.ovid.model.core.Autocast;
import dev.ovid.model.weights.Weights;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One pre-LN transformer layer, as HF's {@code CLIPEncoderLayer}: {@code x + attn(ln1(x))}, then
 * {@code + mlp(ln2(·))}. Other blocks may run it on their own tokens, or run its maths with other
 * weights ({@link #forwardWith}), e.g. a blend of these and fine-tuned copies; the temporal branch
 * trains through it, so its constants are owned tensors (see {@code Tensors.scalarLike}).
 */
public final class ClipEncoderLayer extends FrozenParameterBlock {
  /** HF names of a layer's tensors, relative to {@code ...encoder.layers.N.}. */
  public static final List<String> WEIGHT_NAMES =
      List.of(
          "self_attn.q_proj.weight",
          "self_attn.q_proj.bias",
          "self_attn.k_proj.weight",
          "self_attn.k_proj.bias",
          "self_attn.v_proj.weight",
          "self_attn.v_proj.bias",
          "self_attn.out_proj.weight",
          "self_attn.out_proj.bias",
          "layer_norm1.weight",
          "layer_norm1.bias",
          "mlp.fc1.weight",
          "mlp.fc1.bias",
          "mlp.fc2.weight",
          "mlp.fc2.bias",
          "layer_norm2.weight",
          "layer_norm2.bias");

  private final ClipAttention selfAttn;
  private final ClipLayerNorm layerNorm1;
  private final ClipMlp mlp;
  private final ClipLayerNorm layerNorm2;
  private final int hiddenSize;
  private final float eps;

  /** Reads the layer from {@code w}, a view at {@code ...encoder.layers.N.}. */
  /**
   * The encoder stack shared by CLIP's text and vision towers: {@code count} layers read from
   * {@code encoder.layers.<i>.} under {@code tower}, each registered with its tower by {@code
   * register} (the tower's addChildBlock) as {@code layer<i>}.
   */
  static List<ClipEncoderLayer> stack(
      Weights tower,
      int count,
      int hiddenSize,
      int numHeads,
      int intermediateSize,
      ClipActivation activation,
      float layerNormEps,
      BiFunction<String, ClipEncoderLayer, ClipEncoderLayer> register) {
    List<ClipEncoderLayer> list = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      list.add(
          register.apply(
              "layer" + i,
              new ClipEncoderLayer(
                  tower.prefix("encoder.layers." + i + "."),
                  hiddenSize,
                  numHeads,
                  intermediateSize,
                  activation,
                  layerNormEps)));
    }
    return Collections.unmodifiableList(list);
  }

  public ClipEncoderLayer(
      Weights w,
      int hiddenSize,
      int numHeads,
      int intermediateSize,
      ClipActivation activation,
      float layerNormEps) {
    this.hiddenSize = hiddenSize;
    this.eps = layerNormEps;
    this.selfAttn =
        addChildBlock("self_attn", new ClipAttention(w.prefix("self_attn."), hiddenSize, numHeads));
    this.layerNorm1 =
        addChildBlock("layer_norm1", new ClipLayerNorm(w.prefix("layer_norm1."), hiddenSize, eps));
    this.mlp =
        addChildBlock(
            "mlp", new ClipMlp(w.prefix("mlp."), hiddenSize, intermediateSize, activation));
    this.layerNorm2 =
        addChildBlock("layer_norm2", new ClipLayerNorm(w.prefix("layer_norm2."), hiddenSize, eps));
  }

  public ClipAttention selfAttn() {
    return selfAttn;
  }

  public ClipLayerNorm layerNorm1() {
    return layerNorm1;
  }

  public ClipMlp mlp() {
    return mlp;
  }

  public ClipLayerNorm layerNorm2() {
    return layerNorm2;
  }

  public int hiddenSize() {
    return hiddenSize;
  }

  public int numHeads() {
    return selfAttn.numHeads();
  }

  public ClipActivation activation() {
    return mlp.activation();
  }

  public float layerNormEps() {
    return eps;
  }

  /** The layer's parameters by HF-relative name (see {@link #WEIGHT_NAMES}); live, not copies. */
  public Map<String, Parameter> parametersByName() {
    Map<String, Parameter> out = new LinkedHashMap<>();
    out.put("self_attn.q_proj.weight", selfAttn.qProj().weight());
    out.put("self_attn.q_proj.bias", selfAttn.qProj().bias());
    out.put("self_attn.k_proj.weight", selfAttn.kProj().weight());
    out.put("self_attn.k_proj.bias", selfAttn.kProj().bias());
    out.put("self_attn.v_proj.weight", selfAttn.vProj().weight());
    out.put("self_attn.v_proj.bias", selfAttn.vProj().bias());
    out.put("self_attn.out_proj.weight", selfAttn.outProj().weight());
    out.put("self_attn.out_proj.bias", selfAttn.outProj().bias());
    out.put("layer_norm1.weight", layerNorm1.weight());
    out.put("layer_norm1.bias", layerNorm1.bias());
    out.put("mlp.fc1.weight", mlp.fc1().weight());
    out.put("mlp.fc1.bias", mlp.fc1().bias());
    out.put("mlp.fc2.weight", mlp.fc2().weight());
    out.put("mlp.fc2.bias", mlp.fc2().bias());
    out.put("layer_norm2.weight", layerNorm2.weight());
    out.put("layer_norm2.bias", layerNorm2.bias());
    return out;
  }

  /** The layer's arrays by HF-relative name; live arrays (duplicate them to fine-tune a copy). */
  public Map<String, NDArray> weights() {
    Map<String, NDArray> out = new LinkedHashMap<>();
    parametersByName().forEach((k, p) -> out.put(k, p.getArray()));
    return out;
  }

  /** {@code x} [B, T, D]; {@code mask} additive (e.g. causal), broadcastable, or null. */
  public NDArray forward(ParameterStore ps, NDArray x, NDArray mask, boolean training) {
    NDArray h = x.add(selfAttn.forward(ps, layerNorm1.forward(ps, x, training), mask, training));
    return h.add(mlp.forward(ps, layerNorm2.forward(ps, h, training), training));
  }

  /**
   * The same maths with the caller's weights, looked up by HF-relative name ({@link
   * #WEIGHT_NAMES}); this layer's head count, activation and epsilon apply.
   */
  public NDArray forwardWith(NDArray x, NDArray mask, Function<String, NDArray> w) {
    // One cast in and one out per sub-block under mixed precision (see Autocast.operand).
    NDArray n =
        ClipLayerNorm.apply(x, w.apply("layer_norm1.weight"), w.apply("layer_norm1.bias"), eps);
    NDArray a = Autocast.operand(n);
    NDArray q =
        ClipLinear.apply(a, w.apply("self_attn.q_proj.weight"), w.apply("self_attn.q_proj.bias"));
    NDArray k =
        ClipLinear.apply(a, w.apply("self_attn.k_proj.weight"), w.apply("self_attn.k_proj.bias"));
    NDArray v =
        ClipLinear.apply(a, w.apply("self_attn.v_proj.weight"), w.apply("self_attn.v_proj.bias"));
    NDArray attn =
        ClipAttention.attend(
            a,
            mask,
            numHeads(),
            q,
            k,
            v,
            o ->
                ClipLinear.apply(
                    o, w.apply("self_attn.out_proj.weight"), w.apply("self_attn.out_proj.bias")));
    NDArray h = x.add(Autocast.like(attn, n));
    NDArray m =
        ClipLayerNorm.apply(h, w.apply("layer_norm2.weight"), w.apply("layer_norm2.bias"), eps);
    NDArray f =
        ClipLinear.apply(
            activation()
                .apply(
                    ClipLinear.apply(
                        Autocast.operand(m), w.apply("mlp.fc1.weight"), w.apply("mlp.fc1.bias"))),
            w.apply("mlp.fc2.weight"),
            w.apply("mlp.fc2.bias"));
    return h.add(Autocast.like(f, m));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray mask = inputs.size() > 1 ? inputs.get(1) : null;
    return new NDList(forward(ps, inputs.get(0), mask, training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }
}
