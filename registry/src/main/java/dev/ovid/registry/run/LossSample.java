package dev.ovid.registry.run;

/** One point of a loss curve. */
public record LossSample(long step, double loss) {}
