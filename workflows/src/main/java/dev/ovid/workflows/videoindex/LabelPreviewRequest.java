package dev.ovid.workflows.videoindex;

/**
 * Score the videos of an index against one (draft) label: the {@code top} best videos and a
 * histogram of all scores in {@code bins} bins (see {@link LabelPreviewResult#binEdges()}).
 */
public record LabelPreviewRequest(VideoIndexRef index, String label, int top, int bins) {}
