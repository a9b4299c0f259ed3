package dev.ovid.web.ui.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class VocabularyChoiceLabelTest {
  @Test
  void namesThePublishedVersionARunTrains() {
    assertEquals("shapes (published v3)", VocabularyChoiceLabel.of("shapes", 3, false));
  }

  @Test
  void saysWhenTheDraftsChangesWillNotBeTrained() {
    assertEquals(
        "shapes (trains published v3; publish the draft to train its changes)",
        VocabularyChoiceLabel.of("shapes", 3, true));
  }

  @Test
  void saysWhenTheRunWillPublishTheVocabularyFirst() {
    assertEquals(
        "shapes (not published yet: the run publishes it as v1)",
        VocabularyChoiceLabel.of("shapes", null, true));
  }
}
