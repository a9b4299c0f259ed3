package dev.ovid.model.core;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * One libtorch operation that DJL 0.35.1 does not expose (a cast to or from bfloat16, fused
 * attention), as a one-line TorchScript module shipped in the model jar and made by {@code
 * model/scripts/make_torchscript_ops.py}. Loaded on first use and held for the life of the process.
 *
 * <p>Always run in DJL's training mode: in inference mode DJL runs TorchScript under libtorch's
 * {@code InferenceMode}, whose results can never be saved for a backward pass (a frozen weight cast
 * once at load time is used by every training step). In training mode the op records autograd
 * inside a {@link ai.djl.training.GradientCollector}, like the same call in Python, and records
 * nothing where gradients are off.
 */
final class TorchScriptOp {
  private final String resource;
  private volatile Block block;
  // Keeps the block's native module alive: it is released when its model is collected.
  private Model model;

  TorchScriptOp(String resource) {
    this.resource = resource;
  }

  /** The op on {@code inputs}; the result belongs to the first input's manager. */
  NDArray apply(NDArray... inputs) {
    return block()
        .forward(new ParameterStore(inputs[0].getManager(), false), new NDList(inputs), true)
        .singletonOrThrow();
  }

  private Block block() {
    Block b = block;
    if (b == null) {
      synchronized (this) {
        b = block;
        if (b == null) {
          Model m = Model.newInstance("ovid-" + resource);
          try (InputStream in = TorchScriptOp.class.getResourceAsStream(resource)) {
            if (in == null) {
              throw new IllegalStateException(resource + " is missing from the model jar");
            }
            m.load(in);
          } catch (IOException | MalformedModelException e) {
            throw new UncheckedIOException(
                "cannot load the TorchScript op " + resource, new IOException(e));
          }
          model = m;
          b = m.getBlock();
          block = b;
        }
      }
    }
    return b;
  }
}
