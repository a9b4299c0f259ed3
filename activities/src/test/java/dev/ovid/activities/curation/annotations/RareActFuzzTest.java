package dev.ovid.activities.curation.annotations;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Whatever bytes a RareAct CSV file holds, only an {@link AnnotationFormatException} escapes. */
class RareActFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void onlyAnnotationFormatExceptionsEscape(byte[] input) {
    AnnotationFuzzing.read(AnnotationFormat.RAREACT, "rareact.csv", input);
  }
}
