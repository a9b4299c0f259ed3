/**
 * Streaming YouTube-8M TFRecord readers. {@link
 * dev.ovid.activities.ingestion.tfrecord.TfRecordReader} checks the framing (masked CRC32C of the
 * length and of the data); {@link dev.ovid.activities.ingestion.tfrecord.Youtube8mReader} parses
 * video-level {@code tf.Example} and frame-level {@code tf.SequenceExample} records with classes
 * generated from TensorFlow's example.proto/feature.proto, remaps labels to a curated vocabulary
 * ({@link dev.ovid.activities.ingestion.tfrecord.LabelRemapper}) and drops videos left without
 * labels. Every error is a {@link dev.ovid.activities.ingestion.tfrecord.TfRecordFormatException}
 * naming the file and the byte offset of the bad record.
 */
package dev.ovid.activities.ingestion.tfrecord;
