package dev.ovid.activities.ingestion.tfrecord;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Writes TFRecord framing (the inverse of {@link TfRecordReader}), e.g. for curated shards. */
public final class TfRecordWriter implements Closeable {
  private final OutputStream out;
  private final ByteBuffer frame = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);

  public TfRecordWriter(OutputStream out) {
    this.out = out instanceof BufferedOutputStream ? out : new BufferedOutputStream(out, 1 << 16);
  }

  public void write(byte[] data) throws IOException {
    frame.clear();
    frame.putLong(0, data.length);
    frame.putInt(8, MaskedCrc32c.of(frame.array(), 0, 8));
    out.write(frame.array(), 0, 12);
    out.write(data);
    frame.putInt(0, MaskedCrc32c.of(data, 0, data.length));
    out.write(frame.array(), 0, 4);
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
