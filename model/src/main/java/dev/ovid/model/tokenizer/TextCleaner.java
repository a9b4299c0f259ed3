package dev.ovid.model.tokenizer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text clean-up of Hugging Face's slow {@code CLIPTokenizer} when ftfy is not installed (its
 * {@code BasicTokenizer} with accents kept and no punctuation split): drop NUL, U+FFFD and control
 * characters, turn whitespace into spaces, put spaces around CJK ideographs, NFC-normalise, split
 * on whitespace, lowercase, and join with single spaces.
 */
final class TextCleaner {

  private TextCleaner() {}

  static String clean(String text) {
    StringBuilder cleaned = new StringBuilder(text.length() + 8);
    text.codePoints()
        .forEach(
            cp -> {
              if (cp == 0 || cp == 0xFFFD || isControl(cp)) {
                return;
              }
              if (isBertWhitespace(cp)) {
                cleaned.append(' ');
              } else if (isCjk(cp)) {
                cleaned.append(' ').appendCodePoint(cp).append(' ');
              } else {
                cleaned.appendCodePoint(cp);
              }
            });
    String normalized = Normalizer.normalize(cleaned, Normalizer.Form.NFC);
    List<String> words = splitOnPythonWhitespace(normalized);
    StringBuilder out = new StringBuilder(normalized.length());
    for (String w : words) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(w.toLowerCase(Locale.ROOT));
    }
    return out.toString();
  }

  /** Python's {@code str.split()} with no argument: runs of whitespace separate, ends trimmed. */
  static List<String> splitOnPythonWhitespace(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      while (i < n && isPythonSpace(s.codePointAt(i))) {
        i += Character.charCount(s.codePointAt(i));
      }
      int start = i;
      while (i < n && !isPythonSpace(s.codePointAt(i))) {
        i += Character.charCount(s.codePointAt(i));
      }
      if (i > start) {
        out.add(s.substring(start, i));
      }
    }
    return out;
  }

  /** Python's {@code str.isspace()} for one code point. */
  static boolean isPythonSpace(int cp) {
    if ((cp >= 9 && cp <= 13) || (cp >= 0x1C && cp <= 0x20) || cp == 0x85) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.SPACE_SEPARATOR
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }

  /** BERT's whitespace: space, tab, newline, carriage return, and Unicode Zs. */
  static boolean isBertWhitespace(int cp) {
    return cp == ' '
        || cp == '\t'
        || cp == '\n'
        || cp == '\r'
        || Character.getType(cp) == Character.SPACE_SEPARATOR;
  }

  /** Unicode category C* (Cc, Cf, Cn, Co, Cs), except tab, newline and carriage return. */
  static boolean isControl(int cp) {
    if (cp == '\t' || cp == '\n' || cp == '\r') {
      return false;
    }
    int type = Character.getType(cp);
    return type == Character.CONTROL
        || type == Character.FORMAT
        || type == Character.UNASSIGNED
        || type == Character.PRIVATE_USE
        || type == Character.SURROGATE;
  }

  /** The CJK Unified Ideographs blocks that BERT's tokenizer isolates. */
  static boolean isCjk(int cp) {
    return (cp >= 0x4E00 && cp <= 0x9FFF)
        || (cp >= 0x3400 && cp <= 0x4DBF)
        || (cp >= 0x20000 && cp <= 0x2A6DF)
        || (cp >= 0x2A700 && cp <= 0x2B73F)
        || (cp >= 0x2B740 && cp <= 0x2B81F)
        || (cp >= 0x2B820 && cp <= 0x2CEAF)
        || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0x2F800 && cp <= 0x2FA1F);
  }
}
