package dev.ovid.model.tokenizer;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CLIP's byte-level BPE tokenizer, read from a checkpoint's own {@code vocab.json} and {@code
 * merges.txt}; gives the same ids as Hugging Face's slow {@code CLIPTokenizer} (without ftfy).
 * Thread-safe.
 */
public final class ClipTokenizer {
  /** CLIP's pre-tokenizer: special tokens, English contractions, letter runs, digits, symbols. */
  private static final Pattern PRE_TOKENIZER =
      Pattern.compile(
          "<\\|startoftext\\|>|<\\|endoftext\\|>|'s|'t|'re|'ve|'m|'ll|'d"
              + "|[\\p{L}]+|[\\p{N}]|[^\\s\\p{L}\\p{N}]+",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

  private static final int DEFAULT_CONTEXT = 77;
  private static final String END_OF_WORD = "</w>";

  private final Map<String, Integer> encoder;
  private final Map<Integer, String> decoder;
  private final Map<String, Integer> mergeRanks;
  private final List<String> specialTokens;
  private final int bosId;
  private final int eosId;
  private final int padId;
  private final int unkId;
  private final int contextLength;
  private final Map<String, List<String>> cache;

  /** One encoded text: ids and mask of exactly {@link #contextLength()} entries. */
  public record Encoding(long[] ids, long[] attentionMask, int eosPosition, int length) {}

  private ClipTokenizer(
      Map<String, Integer> encoder,
      Map<String, Integer> mergeRanks,
      List<String> specialTokens,
      int bosId,
      int eosId,
      int padId,
      int unkId,
      int contextLength,
      Map<String, List<String>> cache) {
    this.encoder = encoder;
    Map<Integer, String> dec = new HashMap<>();
    encoder.forEach((k, v) -> dec.put(v, k));
    this.decoder = dec;
    this.mergeRanks = mergeRanks;
    this.specialTokens = specialTokens;
    this.bosId = bosId;
    this.eosId = eosId;
    this.padId = padId;
    this.unkId = unkId;
    this.contextLength = contextLength;
    this.cache = cache;
  }

  /**
   * Loads {@code vocab.json} and {@code merges.txt} from a checkpoint folder, with special tokens
   * and context length from {@code tokenizer_config.json} / {@code special_tokens_map.json} when
   * present (CLIP's defaults otherwise).
   */
  public static ClipTokenizer load(Path dir) throws IOException {
    Path vocabFile = dir.resolve("vocab.json");
    Path mergesFile = dir.resolve("merges.txt");
    Map<String, Integer> encoder = TokenizerFiles.readVocab(vocabFile);
    Map<String, Integer> ranks = TokenizerFiles.readMerges(mergesFile);
    JsonNode config = TokenizerFiles.readOptionalJson(dir.resolve("tokenizer_config.json"));
    JsonNode specials = TokenizerFiles.readOptionalJson(dir.resolve("special_tokens_map.json"));
    String bos = TokenizerFiles.special(config, specials, "bos_token", "<|startoftext|>");
    String eos = TokenizerFiles.special(config, specials, "eos_token", "<|endoftext|>");
    String unk = TokenizerFiles.special(config, specials, "unk_token", "<|endoftext|>");
    String pad = TokenizerFiles.special(config, specials, "pad_token", "<|endoftext|>");
    int context = DEFAULT_CONTEXT;
    JsonNode max = config.get("model_max_length");
    if (max != null && max.isNumber() && max.asDouble() >= 2 && max.asDouble() <= 1_000_000) {
      context = max.asInt();
    }
    List<String> specialTokens = new ArrayList<>(List.of(bos, eos, unk, pad));
    JsonNode added = config.get("added_tokens_decoder");
    if (added != null && added.isObject()) {
      added.elements().forEachRemaining(t -> specialTokens.add(t.path("content").asText()));
    }
    List<String> distinct = new ArrayList<>();
    for (String s : specialTokens) {
      if (!s.isEmpty() && !distinct.contains(s)) {
        distinct.add(s);
      }
    }
    // Longest first, so that a special token containing another wins, as HF's trie does.
    distinct.sort((a, b) -> Integer.compare(b.length(), a.length()));
    for (String s : distinct) {
      if (!encoder.containsKey(s)) {
        throw new TokenizerFormatException(
            vocabFile, "special token '" + s + "' is not in the vocabulary");
      }
    }
    Map<String, List<String>> cache = new ConcurrentHashMap<>();
    return new ClipTokenizer(
        encoder,
        ranks,
        Collections.unmodifiableList(distinct),
        encoder.get(bos),
        encoder.get(eos),
        encoder.get(pad),
        encoder.get(unk),
        context,
        cache);
  }

  /** The same tokenizer with another context length (for example the text model's positions). */
  public ClipTokenizer withContextLength(int length) {
    if (length < 2) {
      throw new IllegalArgumentException("context length must hold <bos> and <eos>: " + length);
    }
    return new ClipTokenizer(
        encoder, mergeRanks, specialTokens, bosId, eosId, padId, unkId, length, cache);
  }

  /** BPE pieces of {@code text} (each word's last piece ends in {@code </w>}), no bos/eos. */
  public List<String> tokenize(String text) {
    List<String> out = new ArrayList<>();
    for (Segment seg : splitOnSpecialTokens(text)) {
      if (seg.special) {
        out.add(seg.text);
        continue;
      }
      // Python's `regex` with IGNORECASE matches U+0345 (which case-folds to the letter iota) with
      // none of CLIP's alternatives, so it splits runs and vanishes; a space does exactly that.
      Matcher m = PRE_TOKENIZER.matcher(TextCleaner.clean(seg.text).replace('\u0345', ' '));
      while (m.find()) {
        String word = ByteUnicode.encode(m.group().getBytes(StandardCharsets.UTF_8));
        out.addAll(bpe(word));
      }
    }
    return out;
  }

  /** Ids of {@code text} without bos/eos, padding or truncation. */
  public int[] encodeWithoutSpecialTokens(String text) {
    List<String> pieces = tokenize(text);
    int[] ids = new int[pieces.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = encoder.getOrDefault(pieces.get(i), unkId);
    }
    return ids;
  }

  /** {@code <bos> text <eos>}, truncated to and padded to {@link #contextLength()}. */
  public Encoding encode(String text) {
    int[] body = encodeWithoutSpecialTokens(text);
    int n = Math.min(body.length, contextLength - 2);
    long[] ids = new long[contextLength];
    long[] mask = new long[contextLength];
    Arrays.fill(ids, padId);
    ids[0] = bosId;
    for (int i = 0; i < n; i++) {
      ids[i + 1] = body[i];
    }
    ids[n + 1] = eosId;
    Arrays.fill(mask, 0, n + 2, 1);
    return new Encoding(ids, mask, n + 1, n + 2);
  }

  public long[][] encodeBatch(List<String> texts) {
    long[][] out = new long[texts.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = encode(texts.get(i)).ids();
    }
    return out;
  }

  /** Text of {@code ids}, special tokens and padding left out. */
  public String decode(long[] ids) {
    StringBuilder symbols = new StringBuilder();
    for (long id : ids) {
      String tok = decoder.get((int) id);
      if (tok == null || specialTokens.contains(tok)) {
        continue;
      }
      symbols.append(tok);
    }
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    String s = symbols.toString().replace(END_OF_WORD, " ");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int b = c == ' ' ? ' ' : ByteUnicode.byteOf(c);
      bytes.write(b < 0 ? '?' : b);
    }
    return new String(bytes.toByteArray(), StandardCharsets.UTF_8).strip();
  }

  public int bosId() {
    return bosId;
  }

  public int eosId() {
    return eosId;
  }

  public int padId() {
    return padId;
  }

  public int contextLength() {
    return contextLength;
  }

  public int vocabSize() {
    return encoder.size();
  }

  /** The id of a vocabulary entry, if present. */
  public java.util.OptionalInt idOf(String token) {
    Integer id = encoder.get(token);
    return id == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(id);
  }

  private List<String> bpe(String word) {
    List<String> hit = cache.get(word);
    if (hit != null) {
      return hit;
    }
    List<String> result;
    if (word.equals("<|startoftext|>") || word.equals("<|endoftext|>")) {
      result = List.of(word);
    } else {
      result = Collections.unmodifiableList(merge(word));
    }
    cache.put(word, result);
    return result;
  }

  /** Standard BPE: repeatedly merge the adjacent pair with the lowest merge rank. */
  private List<String> merge(String word) {
    List<String> parts = new ArrayList<>(word.length());
    for (int i = 0; i < word.length(); i++) {
      parts.add(String.valueOf(word.charAt(i)));
    }
    int last = parts.size() - 1;
    parts.set(last, parts.get(last) + END_OF_WORD);
    while (parts.size() > 1) {
      int bestRank = Integer.MAX_VALUE;
      String bestFirst = null;
      String bestSecond = null;
      for (int i = 0; i + 1 < parts.size(); i++) {
        Integer rank = mergeRanks.get(parts.get(i) + " " + parts.get(i + 1));
        if (rank != null && rank < bestRank) {
          bestRank = rank;
          bestFirst = parts.get(i);
          bestSecond = parts.get(i + 1);
        }
      }
      if (bestFirst == null) {
        break;
      }
      List<String> merged = new ArrayList<>(parts.size());
      for (int i = 0; i < parts.size(); i++) {
        if (i + 1 < parts.size()
            && parts.get(i).equals(bestFirst)
            && parts.get(i + 1).equals(bestSecond)) {
          merged.add(bestFirst + bestSecond);
          i++;
        } else {
          merged.add(parts.get(i));
        }
      }
      parts = merged;
    }
    return parts;
  }

  private record Segment(String text, boolean special) {}

  /** Special tokens written in the text stay whole (HF splits on its added tokens first). */
  private List<Segment> splitOnSpecialTokens(String text) {
    List<Segment> out = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < text.length()) {
      String found = null;
      for (String s : specialTokens) {
        if (text.startsWith(s, i)) {
          found = s;
          break;
        }
      }
      if (found == null) {
        i++;
        continue;
      }
      if (i > start) {
        out.add(new Segment(text.substring(start, i), false));
      }
      out.add(new Segment(found, true));
      i += found.length();
      start = i;
    }
    if (start < text.length()) {
      out.add(new Segment(text.substring(start), false));
    }
    return out;
  }
}
