package dev.ovid.activities.curation.synthetic;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VocabularyMatcherTest {
  private final VocabularyMatcher matcher =
      new VocabularyMatcher(List.of("Table tennis", "box", "Pokémon", "moving left"));

  @Test
  void ignoresCaseAccentsPunctuationAndPlurals() {
    assertEquals(Optional.of("Table tennis"), matcher.match("table  TENNIS."));
    assertEquals(Optional.of("box"), matcher.match("boxes"));
    assertEquals(Optional.of("Pokémon"), matcher.match("pokemon"));
    assertEquals(Optional.of("moving left"), matcher.match("\"Moving left\""));
  }

  @Test
  void doesNotGuessBeyondThat() {
    assertEquals(Optional.empty(), matcher.match("tennis"));
    assertEquals(Optional.empty(), matcher.match(""));
  }

  @Test
  void splitsListAnswers() {
    assertEquals(List.of("a", "b c", "d", "e"), VocabularyMatcher.items("1. a,\n- b c; * d\n2) e"));
  }
}
