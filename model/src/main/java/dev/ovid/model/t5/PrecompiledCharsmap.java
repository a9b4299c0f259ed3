package dev.ovid.model.t5;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SentencePiece's compiled normalization rules (e.g. {@code nmt_nfkc}) as stored in a
 * tokenizer.json {@code Precompiled} normalizer: a little-endian u32 trie size, a darts-clone
 * double-array trie over UTF-8 bytes, then NUL-terminated replacement strings.
 *
 * <p>Applied as Hugging Face tokenizers does: per extended grapheme cluster, the whole cluster is
 * looked up if it is shorter than 6 UTF-8 bytes, otherwise (or if that fails) each code point. A
 * lookup takes the <em>shortest</em> rule that prefixes the chunk and replaces the whole chunk with
 * it: odd, but it is what both SentencePiece-converted tokenizers and HF do.
 */
final class PrecompiledCharsmap {
  private static final Pattern GRAPHEME = Pattern.compile("\\X");

  private final int[] units;
  private final byte[] normalized;

  private PrecompiledCharsmap(int[] units, byte[] normalized) {
    this.units = units;
    this.normalized = normalized;
  }

  static PrecompiledCharsmap fromBase64(String base64, String source) {
    byte[] raw = Base64.getDecoder().decode(base64);
    ByteBuffer buffer = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
    if (raw.length < 4) {
      throw new IllegalArgumentException(source + ": precompiled_charsmap shorter than 4 bytes");
    }
    int trieBytes = buffer.getInt();
    if (trieBytes < 0 || trieBytes % 4 != 0 || 4L + trieBytes > raw.length) {
      throw new IllegalArgumentException(
          source + ": precompiled_charsmap has a bad trie size " + trieBytes + " at offset 0");
    }
    int[] units = new int[trieBytes / 4];
    for (int i = 0; i < units.length; i++) {
      units[i] = buffer.getInt();
    }
    byte[] normalized = new byte[raw.length - 4 - trieBytes];
    buffer.get(normalized);
    return new PrecompiledCharsmap(units, normalized);
  }

  String normalize(String text) {
    StringBuilder out = new StringBuilder(text.length());
    Matcher m = GRAPHEME.matcher(text);
    while (m.find()) {
      String grapheme = m.group();
      byte[] bytes = grapheme.getBytes(StandardCharsets.UTF_8);
      if (bytes.length < 6) {
        String replaced = transform(bytes);
        if (replaced != null) {
          out.append(replaced);
          continue;
        }
      }
      grapheme
          .codePoints()
          .forEach(
              cp -> {
                String ch = new String(Character.toChars(cp));
                String replaced = transform(ch.getBytes(StandardCharsets.UTF_8));
                out.append(replaced != null ? replaced : ch);
              });
    }
    return out.toString();
  }

  /** The replacement of the shortest rule prefixing {@code key}, or null if none does. */
  private String transform(byte[] key) {
    if (units.length == 0) {
      return null;
    }
    int node = offset(units[0]);
    for (byte b : key) {
      int c = b & 0xFF;
      if (c == 0) {
        break;
      }
      node ^= c;
      if (node < 0 || node >= units.length) {
        return null;
      }
      int unit = units[node];
      if (label(unit) != c) {
        return null;
      }
      node ^= offset(unit);
      if (hasLeaf(unit)) {
        return replacementAt(units[node] & 0x7FFFFFFF);
      }
    }
    return null;
  }

  private String replacementAt(int start) {
    int end = start;
    while (end < normalized.length && normalized[end] != 0) {
      end++;
    }
    return new String(normalized, start, end - start, StandardCharsets.UTF_8);
  }

  private static int offset(int unit) {
    return (unit >>> 10) << ((unit & (1 << 9)) >>> 6);
  }

  private static int label(int unit) {
    return unit & ((1 << 31) | 0xFF);
  }

  private static boolean hasLeaf(int unit) {
    return ((unit >>> 8) & 1) == 1;
  }
}
