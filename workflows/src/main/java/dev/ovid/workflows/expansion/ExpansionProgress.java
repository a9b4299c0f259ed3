package dev.ovid.workflows.expansion;

/** Where an expansion is: queued, embedding, done or failed, with a message. */
public record ExpansionProgress(String state, double fraction, String message) {}
