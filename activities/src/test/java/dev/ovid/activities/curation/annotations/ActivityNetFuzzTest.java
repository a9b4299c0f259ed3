package dev.ovid.activities.curation.annotations;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Whatever bytes a ActivityNet JSON file holds, only an {@link AnnotationFormatException} escapes.
 */
class ActivityNetFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void onlyAnnotationFormatExceptionsEscape(byte[] input) {
    AnnotationFuzzing.read(AnnotationFormat.ACTIVITYNET, "activitynet.json", input);
  }
}
