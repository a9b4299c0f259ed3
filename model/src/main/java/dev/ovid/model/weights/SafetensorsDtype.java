package dev.ovid.model.weights;

import ai.djl.ndarray.types.DataType;
import java.util.Optional;

/** The element types of the safetensors format that Ovid reads and writes. */
public enum SafetensorsDtype {
  F64(8, DataType.FLOAT64),
  F32(4, DataType.FLOAT32),
  F16(2, DataType.FLOAT16),
  // DJL's PyTorch engine aborts the JVM on BFLOAT16 arrays, so BF16 is always widened to F32.
  BF16(2, DataType.FLOAT32),
  I64(8, DataType.INT64),
  I32(4, DataType.INT32),
  I8(1, DataType.INT8),
  U8(1, DataType.UINT8),
  BOOL(1, DataType.BOOLEAN);

  private final int bytes;
  private final DataType djlType;

  SafetensorsDtype(int bytes, DataType djlType) {
    this.bytes = bytes;
    this.djlType = djlType;
  }

  public int bytes() {
    return bytes;
  }

  /** The DJL type an array of this dtype gets when it is not widened. */
  public DataType djlType() {
    return djlType;
  }

  public boolean isFloating() {
    return this == F64 || this == F32 || this == F16 || this == BF16;
  }

  public static Optional<SafetensorsDtype> parse(String name) {
    for (SafetensorsDtype d : values()) {
      if (d.name().equals(name)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  /** The safetensors dtype that stores a DJL array of {@code type} without loss. */
  public static SafetensorsDtype forDjl(DataType type) {
    switch (type) {
      case FLOAT32:
      case FLOAT16:
        return F32;
      case FLOAT64:
        return F64;
      case INT64:
        return I64;
      case INT32:
        return I32;
      case INT8:
        return I8;
      case UINT8:
        return U8;
      case BOOLEAN:
        return BOOL;
      default:
        throw new IllegalArgumentException("cannot store DJL type " + type + " in safetensors");
    }
  }
}
