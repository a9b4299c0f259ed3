package dev.ovid.activities.curation.annotations;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.ovid.activities.ingestion.tfrecord.TfRecordFormatException;
import dev.ovid.activities.ingestion.tfrecord.TfRecordReader;
import dev.ovid.activities.ingestion.tfrecord.proto.Feature;
import dev.ovid.activities.ingestion.tfrecord.proto.Features;
import dev.ovid.activities.ingestion.tfrecord.proto.SequenceExample;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * YouTube-8M segment-rated TFRecords (the 1,000-class human-verified validation set): each record's
 * context holds {@code id}, {@code segment_labels}, {@code segment_start_times} and {@code
 * segment_scores}, one entry per rated 5-second segment. A video's labels are the classes of its
 * segments rated positive (score ≥ 0.5; raters give 1 or 0), named by their YouTube-8M index. The
 * split is the file name's stem without its shard number ({@code validate0001.tfrecord} →
 * validate). Tf.Example and tf.SequenceExample share the layout of their first field, so both
 * parse.
 */
final class Yt8mSegmentAnnotations implements AnnotationReader {
  @Override
  public List<AnnotatedVideo> read(Path path) throws IOException {
    String file = path.toString();
    String split =
        path.getFileName()
            .toString()
            .replaceFirst("\\.tfrecords?$", "")
            .replaceFirst("-?\\d+$", "");
    List<AnnotatedVideo> out = new ArrayList<>();
    try (TfRecordReader reader = TfRecordReader.open(path)) {
      byte[] data;
      while ((data = reader.next()) != null) {
        String where = "record " + (reader.records() - 1) + " at byte " + reader.recordOffset();
        Features context;
        try {
          context = SequenceExample.parseFrom(data).getContext();
        } catch (InvalidProtocolBufferException e) {
          throw new AnnotationFormatException(file, where, "not a tf.Example: " + e.getMessage());
        }
        String id = bytes(context, "id", file, where);
        List<Long> labels = ints(context, "segment_labels", file, where);
        List<Long> starts = ints(context, "segment_start_times", file, where);
        List<Float> scores = floats(context, "segment_scores", file, where);
        if (labels.size() != starts.size() || labels.size() != scores.size()) {
          throw new AnnotationFormatException(
              file,
              where + " (" + id + ")",
              "segment_labels, segment_start_times and segment_scores differ in length: "
                  + labels.size()
                  + ", "
                  + starts.size()
                  + ", "
                  + scores.size());
        }
        LinkedHashSet<String> positives = new LinkedHashSet<>();
        for (int i = 0; i < labels.size(); i++) {
          if (labels.get(i) < 0) {
            throw new AnnotationFormatException(
                file, where + " (" + id + ") segment_labels[" + i + "]", "negative class index");
          }
          if (scores.get(i) >= 0.5f) {
            positives.add(Long.toString(labels.get(i)));
          }
        }
        out.add(new AnnotatedVideo(id, new ArrayList<>(positives), split));
      }
    } catch (TfRecordFormatException e) {
      throw new AnnotationFormatException(file, "TFRecord framing", e.getMessage(), e);
    }
    return out;
  }

  private static Feature feature(Features f, String name, String file, String where) {
    Feature v = f.getFeatureMap().get(name);
    if (v == null) {
      throw new AnnotationFormatException(file, where, "missing feature '" + name + "'");
    }
    return v;
  }

  private static String bytes(Features f, String name, String file, String where) {
    Feature v = feature(f, name, file, where);
    if (v.getKindCase() != Feature.KindCase.BYTES_LIST || v.getBytesList().getValueCount() != 1) {
      throw new AnnotationFormatException(
          file, where, "feature '" + name + "' must be 1 bytes value");
    }
    return v.getBytesList().getValue(0).toString(StandardCharsets.UTF_8);
  }

  private static List<Long> ints(Features f, String name, String file, String where) {
    Feature v = feature(f, name, file, where);
    if (v.getKindCase() != Feature.KindCase.INT64_LIST) {
      throw new AnnotationFormatException(file, where, "feature '" + name + "' must be int64_list");
    }
    return v.getInt64List().getValueList();
  }

  private static List<Float> floats(Features f, String name, String file, String where) {
    Feature v = feature(f, name, file, where);
    if (v.getKindCase() != Feature.KindCase.FLOAT_LIST) {
      throw new AnnotationFormatException(file, where, "feature '" + name + "' must be float_list");
    }
    return v.getFloatList().getValueList();
  }
}
