package dev.ovid.workflows.promotion;

/** Promote a model version to production once an approver agrees. */
public record PromotionRequest(long promotionId, long modelVersionId, String proposedBy) {}
