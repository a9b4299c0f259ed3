package dev.ovid.registry.objectstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ovid.registry.common.ValidationException;
import org.junit.jupiter.api.Test;

class S3LocationTest {
  @Test
  void parsesBucketAndKeyAndAppendsPaths() {
    S3Location root = S3Location.parse("s3://mlflow/1/abc/artifacts");
    assertEquals(new S3Location("mlflow", "1/abc/artifacts"), root);
    assertEquals(
        "s3://mlflow/1/abc/artifacts/model/ckpt.bin", root.resolve("model/ckpt.bin").uri());
    assertEquals("b/c", S3Location.parse("s3://a/").resolve("/b/c").key());
  }

  @Test
  void rejectsNonS3Uris() {
    assertThrows(ValidationException.class, () -> S3Location.parse("mlflow-artifacts:/1/abc"));
    assertThrows(ValidationException.class, () -> S3Location.parse("s3:///key"));
  }
}
