package dev.ovid.model.weights;

import ai.djl.Device;
import ai.djl.engine.Engine;

/**
 * Where models run: the first CUDA device when the engine sees one, the CPU otherwise. The system
 * property {@value #PROPERTY} ({@code cpu} or {@code cuda}) overrides the choice; {@code cuda}
 * without a GPU is an error rather than a silent CPU run.
 */
public final class Devices {
  public static final String PROPERTY = "ovid.device";

  private Devices() {}

  public static Device best() {
    return choose(System.getProperty(PROPERTY, ""), Engine.getInstance().getGpuCount());
  }

  static Device choose(String requested, int gpus) {
    switch (requested) {
      case "":
        return gpus > 0 ? Device.gpu() : Device.cpu();
      case "cpu":
        return Device.cpu();
      case "cuda":
      case "gpu":
        if (gpus < 1) {
          throw new IllegalStateException(
              "CUDA was requested ("
                  + PROPERTY
                  + "="
                  + requested
                  + ") but libtorch sees no GPU (a CPU build of libtorch, or no NVIDIA driver;"
                  + " bin/ovid takes a CUDA libtorch from OVID_LIBTORCH_DIR)");
        }
        return Device.gpu();
      default:
        throw new IllegalArgumentException(
            PROPERTY + " must be cpu or cuda, got '" + requested + "'");
    }
  }
}
