package dev.ovid.activities.ingestion.tfrecord;

/**
 * Counts kept by a {@link Youtube8mReader}.
 *
 * @param records records read and parsed
 * @param bytes bytes of the file consumed
 * @param videosReturned videos handed to the caller
 * @param videosDroppedNoLabels videos skipped because no label survived remapping
 * @param labelsDropped label occurrences removed because curation removed the label
 * @param unknownLabels label occurrences not in the original vocabulary (policy COUNT)
 * @param videosTruncated frame-level videos cut to the format's maximum frame count
 */
public record ReaderStatistics(
    long records,
    long bytes,
    long videosReturned,
    long videosDroppedNoLabels,
    long labelsDropped,
    long unknownLabels,
    long videosTruncated) {}
