package dev.ovid.model.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.ovid.model.core.Autocast;
import dev.ovid.model.weights.Weights;

/**
 * Multi-head self-attention as HF's {@code CLIPAttention}: queries scaled by {@code 1/√d_head}
 * before the dot product, an optional additive mask, softmax, then {@code out_proj}.
 */
public final class ClipAttention extends FrozenParameterBlock {
  private final ClipLinear qProj;
  private final ClipLinear kProj;
  private final ClipLinear vProj;
  private final ClipLinear outProj;
  private final int numHeads;

  public ClipAttention(Weights w, long width, int numHeads) {
    if (width % numHeads != 0) {
      throw new IllegalArgumentException(
          "hidden size " + width + " is not divisible by " + numHeads + " heads");
    }
    this.numHeads = numHeads;
    this.qProj = addChildBlock("q_proj", new ClipLinear(w.prefix("q_proj."), width, width, true));
    this.kProj = addChildBlock("k_proj", new ClipLinear(w.prefix("k_proj."), width, width, true));
    this.vProj = addChildBlock("v_proj", new ClipLinear(w.prefix("v_proj."), width, width, true));
    this.outProj =
        addChildBlock("out_proj", new ClipLinear(w.prefix("out_proj."), width, width, true));
  }

  public ClipLinear qProj() {
    return qProj;
  }

  public ClipLinear kProj() {
    return kProj;
  }

  public ClipLinear vProj() {
    return vProj;
  }

  public ClipLinear outProj() {
    return outProj;
  }

  public int numHeads() {
    return numHeads;
  }

  /** {@code x} [B, T, D]; {@code mask} additive, broadcastable to [B, H, T, T], or null. */
  public NDArray forward(ParameterStore ps, NDArray x, NDArray mask, boolean training) {
    // One cast for q, k, v, the attention and the output projection (see Autocast.operand).
    NDArray in = Autocast.operand(x);
    NDArray out =
        attend(
            in,
            mask,
            numHeads,
            qProj.forward(ps, in, training),
            kProj.forward(ps, in, training),
            vProj.forward(ps, in, training),
            o -> outProj.forward(ps, o, training));
    return Autocast.like(out, x);
  }

  /** The attention maths on already projected q, k, v ([B, T, D] each). */
  static NDArray attend(
      NDArray x,
      NDArray mask,
      int heads,
      NDArray q,
      NDArray k,
      NDArray v,
      java.util.function.UnaryOperator<NDArray> outProjection) {
    Shape s = x.getShape();
    long b = s.get(0);
    long t = s.get(1);
    long d = s.get(2);
    long hd = d / heads;
    NDArray qh = q.reshape(b, t, heads, hd).transpose(0, 2, 1, 3);
    NDArray kh = k.reshape(b, t, heads, hd).transpose(0, 2, 1, 3);
    NDArray vh = v.reshape(b, t, heads, hd).transpose(0, 2, 1, 3);
    NDArray context = Autocast.attention(qh, kh, vh, mask).transpose(0, 2, 1, 3).reshape(b, t, d);
    return outProjection.apply(context);
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
