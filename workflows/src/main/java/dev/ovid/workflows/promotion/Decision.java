package dev.ovid.workflows.promotion;

/** An approver's decision on a promotion, with their comment. */
public record Decision(String user, boolean approve, String comment) {}
