package dev.ovid.workflows.expansion;

/** Heartbeat details of an expansion activity: labels embedded so far. */
public record ExpansionHeartbeat(int done, int total) {}
