package dev.ovid.model.t5;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * T5's SentencePiece tokenizer, read from a Hugging Face {@code tokenizer.json} with a Unigram
 * model (as Flan-T5 ships it) and run entirely in Java: split out added tokens, normalize
 * (Precompiled charsmap, Strip, Replace, NFKC...), Metaspace pre-tokenization, Unigram Viterbi,
 * then the post-processor's template (T5 appends {@code </s>}).
 */
public final class SentencePieceTokenizer {
  private final Path source;
  private final UnigramModel model;
  private final List<AddedToken> addedTokens;
  private final UnaryOperator<String> normalizer;
  private final MetaspacePreTokenizer preTokenizer;
  private final int[] prefixIds;
  private final int[] suffixIds;
  private final int padId;

  private record AddedToken(String content, int id) {}

  private SentencePieceTokenizer(Path source, JsonNode root) {
    this.source = source;
    JsonNode m = root.path("model");
    if (!"Unigram".equals(m.path("type").asText())) {
      throw new IllegalArgumentException(
          source + ": model.type is '" + m.path("type").asText() + "', expected Unigram");
    }
    JsonNode vocab = m.path("vocab");
    String[] pieces = new String[vocab.size()];
    double[] scores = new double[vocab.size()];
    for (int i = 0; i < pieces.length; i++) {
      pieces[i] = vocab.get(i).get(0).asText();
      scores[i] = vocab.get(i).get(1).asDouble();
    }
    if (!m.hasNonNull("unk_id")) {
      throw new IllegalArgumentException(source + ": Unigram model without unk_id");
    }
    if (m.path("byte_fallback").asBoolean(false)) {
      throw new IllegalArgumentException(source + ": byte_fallback Unigram is not supported");
    }
    this.model = new UnigramModel(pieces, scores, m.get("unk_id").asInt());
    this.addedTokens = new ArrayList<>();
    for (JsonNode t : root.path("added_tokens")) {
      addedTokens.add(new AddedToken(t.get("content").asText(), t.get("id").asInt()));
    }
    // Leftmost-longest matching: try longer contents first at each position.
    addedTokens.sort(Comparator.comparingInt((AddedToken t) -> t.content().length()).reversed());
    this.normalizer = normalizerOf(root.path("normalizer"));
    this.preTokenizer = MetaspacePreTokenizer.of(root.path("pre_tokenizer"), source);
    List<Integer> prefix = new ArrayList<>();
    List<Integer> suffix = new ArrayList<>();
    readTemplate(root.path("post_processor"), prefix, suffix);
    this.prefixIds = prefix.stream().mapToInt(Integer::intValue).toArray();
    this.suffixIds = suffix.stream().mapToInt(Integer::intValue).toArray();
    Integer pad = idOf("<pad>");
    this.padId = pad == null ? 0 : pad;
  }

  /** Reads {@code tokenizer.json}; a bad file gets an error naming it. */
  public static SentencePieceTokenizer load(Path tokenizerJson) {
    try {
      return new SentencePieceTokenizer(
          tokenizerJson, new ObjectMapper().readTree(Files.readString(tokenizerJson)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read tokenizer " + tokenizerJson, e);
    }
  }

  /** Token ids of {@code text} with the post-processor's special tokens (T5: trailing EOS). */
  public int[] encode(String text) {
    List<Integer> ids = new ArrayList<>();
    for (int id : prefixIds) {
      ids.add(id);
    }
    encodeSegments(text, ids);
    for (int id : suffixIds) {
      ids.add(id);
    }
    return ids.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Encodes a batch, right-padded with the pad id: {@code [ids [B, M] int64, mask [B, M] int64]}.
   */
  public NDArray[] encodeBatch(List<String> texts, NDManager manager) {
    List<int[]> all = texts.stream().map(this::encode).toList();
    int width = all.stream().mapToInt(a -> a.length).max().orElse(0);
    long[] ids = new long[texts.size() * width];
    long[] mask = new long[texts.size() * width];
    for (int b = 0; b < all.size(); b++) {
      int[] row = all.get(b);
      for (int i = 0; i < width; i++) {
        ids[b * width + i] = i < row.length ? row[i] : padId;
        mask[b * width + i] = i < row.length ? 1 : 0;
      }
    }
    Shape shape = new Shape(texts.size(), width);
    return new NDArray[] {manager.create(ids, shape), manager.create(mask, shape)};
  }

  /** Text of the ids: pieces joined, Metaspace replaced by spaces; special tokens skipped. */
  public String decode(int[] ids) {
    StringBuilder sb = new StringBuilder();
    for (int id : ids) {
      boolean special = addedTokens.stream().anyMatch(t -> t.id() == id);
      if (!special && id >= 0 && id < model.size()) {
        sb.append(model.piece(id));
      }
    }
    return sb.toString().replace(preTokenizer.replacement(), " ").strip();
  }

  public int padId() {
    return padId;
  }

  public int vocabSize() {
    return model.size();
  }

  /** The id of a piece or added token, or null. */
  public Integer idOf(String token) {
    for (AddedToken t : addedTokens) {
      if (t.content().equals(token)) {
        return t.id();
      }
    }
    return model.id(token);
  }

  private void encodeSegments(String text, List<Integer> out) {
    int start = 0;
    int i = 0;
    boolean first = true;
    while (i < text.length()) {
      AddedToken match = addedAt(text, i);
      if (match == null) {
        i++;
        continue;
      }
      encodeText(text.substring(start, i), first, out);
      out.add(match.id());
      first = false;
      i += match.content().length();
      start = i;
    }
    encodeText(text.substring(start), first, out);
  }

  private AddedToken addedAt(String text, int position) {
    for (AddedToken t : addedTokens) {
      if (text.startsWith(t.content(), position)) {
        return t;
      }
    }
    return null;
  }

  private void encodeText(String segment, boolean first, List<Integer> out) {
    if (segment.isEmpty()) {
      return;
    }
    String normalized = normalizer.apply(segment);
    for (String word : preTokenizer.split(normalized, first)) {
      model.encode(word, out);
    }
  }

  private UnaryOperator<String> normalizerOf(JsonNode n) {
    if (n.isMissingNode() || n.isNull()) {
      return s -> s;
    }
    String type = n.path("type").asText();
    return switch (type) {
      case "Sequence" -> {
        List<UnaryOperator<String>> steps = new ArrayList<>();
        n.path("normalizers").forEach(child -> steps.add(normalizerOf(child)));
        yield s -> {
          for (UnaryOperator<String> step : steps) {
            s = step.apply(s);
          }
          return s;
        };
      }
      case "Precompiled" -> {
        String charsmap = n.path("precompiled_charsmap").asText("");
        if (charsmap.isEmpty()) {
          yield s -> s;
        }
        PrecompiledCharsmap map = PrecompiledCharsmap.fromBase64(charsmap, source.toString());
        yield map::normalize;
      }
      case "Strip" -> {
        boolean left = n.path("strip_left").asBoolean(false);
        boolean right = n.path("strip_right").asBoolean(false);
        yield s ->
            left && right ? s.strip() : left ? s.stripLeading() : right ? s.stripTrailing() : s;
      }
      case "Replace" -> {
        JsonNode pattern = n.path("pattern");
        String content = n.path("content").asText();
        Pattern p =
            pattern.has("Regex")
                ? Pattern.compile(pattern.get("Regex").asText())
                : Pattern.compile(Pattern.quote(pattern.path("String").asText()));
        String replacement = java.util.regex.Matcher.quoteReplacement(content);
        yield s -> p.matcher(s).replaceAll(replacement);
      }
      case "NFKC" -> s -> java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC);
      case "NFC" -> s -> java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFC);
      case "NFKD" -> s -> java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKD);
      case "NFD" -> s -> java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD);
      case "Lowercase" -> s -> s.toLowerCase(java.util.Locale.ROOT);
      default ->
          throw new IllegalArgumentException(
              source + ": unsupported normalizer type '" + type + "'");
    };
  }

  private void readTemplate(JsonNode post, List<Integer> prefix, List<Integer> suffix) {
    if (post.isMissingNode() || post.isNull()) {
      return;
    }
    if (!"TemplateProcessing".equals(post.path("type").asText())) {
      throw new IllegalArgumentException(
          source + ": unsupported post_processor '" + post.path("type").asText() + "'");
    }
    boolean afterSequence = false;
    for (JsonNode item : post.path("single")) {
      if (item.has("Sequence")) {
        afterSequence = true;
      } else if (item.has("SpecialToken")) {
        String name = item.get("SpecialToken").get("id").asText();
        JsonNode special = post.path("special_tokens").path(name);
        List<Integer> target = afterSequence ? suffix : prefix;
        special.path("ids").forEach(id -> target.add(id.asInt()));
      }
    }
  }
}
