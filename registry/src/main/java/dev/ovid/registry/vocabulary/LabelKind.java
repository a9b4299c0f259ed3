package dev.ovid.registry.vocabulary;

import dev.ovid.registry.common.ValidationException;
import java.util.Locale;

/** What a label names: something seen, something done, a place, or anything else. */
public enum LabelKind {
  ENTITY,
  ACTION,
  SCENE,
  OTHER;

  /** Parses "entity", "Action"...; blank means OTHER. */
  public static LabelKind parse(String text) {
    if (text == null || text.isBlank()) return OTHER;
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ValidationException(
          "kind '" + text.trim() + "' is not one of entity, action, scene, other");
    }
  }
}
