package dev.ovid.workflows.common;

/** A stored object passed between activities by reference: Temporal payloads must stay small. */
public record ObjectRef(String uri, String sha256, long sizeBytes) {}
