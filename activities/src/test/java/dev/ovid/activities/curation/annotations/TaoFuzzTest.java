package dev.ovid.activities.curation.annotations;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Whatever bytes a TAO JSON file holds, only an {@link AnnotationFormatException} escapes. */
class TaoFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void onlyAnnotationFormatExceptionsEscape(byte[] input) {
    AnnotationFuzzing.read(AnnotationFormat.TAO, "tao.json", input);
  }
}
