package dev.ovid.model.weights;

import ai.djl.Device;
import ai.djl.engine.Engine;

/** Where models run: the first CUDA device when the engine sees one, the CPU otherwise. */
public final class Devices {

  private Devices() {}

  public static Device best() {
    return Engine.getInstance().getGpuCount() > 0 ? Device.gpu() : Device.cpu();
  }
}
