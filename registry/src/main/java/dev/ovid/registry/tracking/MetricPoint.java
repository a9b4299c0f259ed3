package dev.ovid.registry.tracking;

/** One metric value: MLflow's (key, value, step, timestamp in epoch milliseconds). */
public record MetricPoint(String key, double value, long step, long timestampMs) {}
