package dev.ovid.registry.attributes;

/** What a generated attribute set is recorded with (see {@link LabelAttributeSet}). */
public record NewLabelAttributeSet(
    String inputsSha256,
    String generator,
    String model,
    String prompt,
    int attributesPerLabel,
    int labelCount,
    String labelsSha256,
    Long vocabularyVersionId,
    String artifactUri,
    String artifactSha256) {}
