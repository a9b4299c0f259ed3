package dev.ovid.activities.curation.annotations;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Whatever bytes a Kinetics annotation CSV file holds, only an {@link AnnotationFormatException}
 * escapes.
 */
class KineticsAnnotationFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void onlyAnnotationFormatExceptionsEscape(byte[] input) {
    AnnotationFuzzing.read(AnnotationFormat.KINETICS, "kinetics.csv", input);
  }
}
