package dev.ovid.workflows.promotion;

import java.util.List;

/**
 * How a promotion ended: APPROVED (the alias moved; {@code expanded} lists the vocabulary versions
 * embedded for the new production model), REJECTED or EXPIRED.
 */
public record PromotionOutcome(String status, String decidedBy, List<Long> expanded) {}
