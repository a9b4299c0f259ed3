package dev.ovid.activities.ingestion.tfrecord;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.ovid.activities.ingestion.tfrecord.TfRecordFormatException.Kind;
import dev.ovid.activities.ingestion.tfrecord.proto.Example;
import dev.ovid.activities.ingestion.tfrecord.proto.Feature;
import dev.ovid.activities.ingestion.tfrecord.proto.FeatureList;
import dev.ovid.activities.ingestion.tfrecord.proto.Features;
import dev.ovid.activities.ingestion.tfrecord.proto.SequenceExample;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns one TFRecord payload into a YouTube-8M example with the protobuf classes generated from
 * TensorFlow's example.proto. Every problem names the file, the record's offset and the feature.
 */
public final class Youtube8mParser {
  private final Youtube8mFormat format;

  public Youtube8mParser(Youtube8mFormat format) {
    this.format = format;
  }

  public VideoLevelExample parseVideoLevel(byte[] data, String source, long offset)
      throws TfRecordFormatException {
    Example example;
    try {
      example = Example.parseFrom(data);
    } catch (InvalidProtocolBufferException e) {
      throw new TfRecordFormatException(
          Kind.BAD_PROTO, source, offset, "not a tf.Example: " + e.getMessage(), e);
    }
    Where at = new Where(source, offset);
    Features f = example.getFeatures();
    return new VideoLevelExample(
        id(f, at),
        labels(f, at),
        floats(f, "mean_rgb", format.rgbSize(), at),
        floats(f, "mean_audio", format.audioSize(), at));
  }

  public FrameLevelExample parseFrameLevel(byte[] data, String source, long offset)
      throws TfRecordFormatException {
    SequenceExample seq;
    try {
      seq = SequenceExample.parseFrom(data);
    } catch (InvalidProtocolBufferException e) {
      throw new TfRecordFormatException(
          Kind.BAD_PROTO, source, offset, "not a tf.SequenceExample: " + e.getMessage(), e);
    }
    Where at = new Where(source, offset);
    Features context = seq.getContext();
    String id = id(context, at);
    int[] labels = labels(context, at);
    List<Feature> rgbFrames = frames(seq, "rgb", at);
    List<Feature> audioFrames = frames(seq, "audio", at);
    if (rgbFrames.size() != audioFrames.size()) {
      throw at.error(
          Kind.BAD_FEATURE_SIZE,
          "rgb has " + rgbFrames.size() + " frames but audio has " + audioFrames.size());
    }
    int n = Math.min(rgbFrames.size(), format.maxFrames());
    float[][] rgb = new float[n][];
    float[][] audio = new float[n][];
    for (int i = 0; i < n; i++) {
      rgb[i] = frame(rgbFrames.get(i), "rgb", i, format.rgbSize(), at);
      audio[i] = frame(audioFrames.get(i), "audio", i, format.audioSize(), at);
    }
    return new FrameLevelExample(id, labels, rgb, audio, rgbFrames.size());
  }

  private record Where(String source, long offset) {
    TfRecordFormatException error(Kind kind, String problem) {
      return new TfRecordFormatException(kind, source, offset, problem);
    }
  }

  private static Feature feature(Features features, String name, Where at)
      throws TfRecordFormatException {
    Feature f = features.getFeatureMap().get(name);
    if (f == null) {
      throw at.error(Kind.MISSING_FEATURE, "missing feature '" + name + "'");
    }
    return f;
  }

  private static void expect(Feature f, Feature.KindCase kind, String name, Where at)
      throws TfRecordFormatException {
    if (f.getKindCase() != kind) {
      throw at.error(
          Kind.WRONG_FEATURE_TYPE,
          "feature '"
              + name
              + "' should be "
              + kindName(kind)
              + " but is "
              + kindName(f.getKindCase()));
    }
  }

  private static String kindName(Feature.KindCase kind) {
    return switch (kind) {
      case BYTES_LIST -> "bytes_list";
      case FLOAT_LIST -> "float_list";
      case INT64_LIST -> "int64_list";
      case KIND_NOT_SET -> "empty (no list)";
    };
  }

  private static String id(Features features, Where at) throws TfRecordFormatException {
    Feature f = feature(features, "id", at);
    expect(f, Feature.KindCase.BYTES_LIST, "id", at);
    if (f.getBytesList().getValueCount() != 1) {
      throw at.error(
          Kind.BAD_FEATURE_SIZE,
          "feature 'id' should hold 1 value, holds " + f.getBytesList().getValueCount());
    }
    return f.getBytesList().getValue(0).toString(StandardCharsets.UTF_8);
  }

  private static int[] labels(Features features, Where at) throws TfRecordFormatException {
    Feature f = feature(features, "labels", at);
    expect(f, Feature.KindCase.INT64_LIST, "labels", at);
    List<Long> values = f.getInt64List().getValueList();
    int[] labels = new int[values.size()];
    for (int i = 0; i < labels.length; i++) {
      long v = values.get(i);
      if (v < 0 || v > Integer.MAX_VALUE) {
        throw at.error(Kind.UNKNOWN_LABEL, "label id " + v + " is out of range");
      }
      labels[i] = (int) v;
    }
    return labels;
  }

  private static float[] floats(Features features, String name, int size, Where at)
      throws TfRecordFormatException {
    Feature f = feature(features, name, at);
    expect(f, Feature.KindCase.FLOAT_LIST, name, at);
    int count = f.getFloatList().getValueCount();
    if (count != size) {
      throw at.error(
          Kind.BAD_FEATURE_SIZE, "feature '" + name + "' has " + count + " floats, not " + size);
    }
    float[] out = new float[size];
    for (int i = 0; i < size; i++) {
      out[i] = f.getFloatList().getValue(i);
    }
    return out;
  }

  private static List<Feature> frames(SequenceExample seq, String name, Where at)
      throws TfRecordFormatException {
    FeatureList list = seq.getFeatureLists().getFeatureListMap().get(name);
    if (list == null) {
      throw at.error(Kind.MISSING_FEATURE, "missing feature list '" + name + "'");
    }
    return list.getFeatureList();
  }

  private static float[] frame(Feature f, String name, int index, int size, Where at)
      throws TfRecordFormatException {
    expect(f, Feature.KindCase.BYTES_LIST, name, at);
    if (f.getBytesList().getValueCount() != 1) {
      throw at.error(
          Kind.BAD_FEATURE_SIZE,
          "frame "
              + index
              + " of '"
              + name
              + "' holds "
              + f.getBytesList().getValueCount()
              + " byte strings, not 1");
    }
    ByteString q = f.getBytesList().getValue(0);
    if (q.size() != size) {
      throw at.error(
          Kind.BAD_FEATURE_SIZE,
          "frame " + index + " of '" + name + "' has " + q.size() + " bytes, not " + size);
    }
    byte[] bytes = q.toByteArray();
    float[] out = new float[size];
    for (int i = 0; i < size; i++) {
      out[i] = Youtube8mFormat.dequantize(bytes[i]);
    }
    return out;
  }
}
