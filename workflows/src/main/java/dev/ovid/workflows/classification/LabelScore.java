package dev.ovid.workflows.classification;

/** One label's probability for a video and whether it passes the calibrated threshold. */
public record LabelScore(String label, double score, boolean passes) {}
