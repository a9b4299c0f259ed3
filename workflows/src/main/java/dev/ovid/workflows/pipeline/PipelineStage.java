package dev.ovid.workflows.pipeline;

/** The pipeline's stages, in order. */
public enum PipelineStage {
  QUEUED,
  CURATE,
  TRAIN,
  EXPAND,
  EVALUATE,
  REGISTER,
  SUCCEEDED,
  FAILED,
  CANCELLED
}
