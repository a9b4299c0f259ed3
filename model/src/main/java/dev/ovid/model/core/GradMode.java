package dev.ovid.model.core;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * libtorch's autograd switch is per thread and on by default in threads DJL never touched (a worker
 * pool's threads, for instance). DJL's gradient collector only restores the state it found, and
 * leaves it on if its constructor fails, so on such a thread the optimizer's in-place updates fail
 * with "a leaf Variable that requires grad is being used in an in-place operation". Training and
 * restoring switch it off on the calling thread first.
 */
public final class GradMode {
  private GradMode() {}

  public static void offOnThisThread() {
    if ("PyTorch".equals(Engine.getInstance().getEngineName())) {
      JniUtils.setGradMode(false);
    }
  }
}
