package dev.ovid.workflows.curation;

/** Heartbeat details of curation and synthetic labelling: videos handled out of the total. */
public record CurationHeartbeat(int videosDone, int videosTotal) {}
