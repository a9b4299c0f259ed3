package dev.ovid.model.t5;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A SentencePiece Unigram model: segments a pre-tokenized word into the pieces of highest total
 * log-probability (Viterbi over a lattice of vocabulary matches). Characters no piece covers become
 * the unknown piece with score {@code min score - 10}; adjacent unknowns fuse into one, as Hugging
 * Face tokenizers does.
 */
final class UnigramModel {
  private static final double UNKNOWN_PENALTY = 10.0;

  private final String[] pieces;
  private final double[] scores;
  private final Map<String, Integer> ids = new HashMap<>();
  private final int unkId;
  private final double unkScore;
  private final int maxPieceLength;

  UnigramModel(String[] pieces, double[] scores, int unkId) {
    this.pieces = pieces;
    this.scores = scores;
    this.unkId = unkId;
    double min = Double.POSITIVE_INFINITY;
    int longest = 1;
    for (int i = 0; i < pieces.length; i++) {
      ids.putIfAbsent(pieces[i], i);
      min = Math.min(min, scores[i]);
      longest = Math.max(longest, pieces[i].length());
    }
    this.unkScore = min - UNKNOWN_PENALTY;
    this.maxPieceLength = longest;
  }

  int size() {
    return pieces.length;
  }

  String piece(int id) {
    return pieces[id];
  }

  Integer id(String piece) {
    return ids.get(piece);
  }

  /** Appends the ids of the best segmentation of {@code word} to {@code out}. */
  void encode(String word, List<Integer> out) {
    int n = word.length();
    if (n == 0) {
      return;
    }
    // best[i]: best path covering word[0, i); ties keep the first path found, as HF does.
    double[] best = new double[n + 1];
    int[] from = new int[n + 1];
    int[] via = new int[n + 1];
    boolean[] reached = new boolean[n + 1];
    reached[0] = true;
    for (int start = 0; start < n; start = word.offsetByCodePoints(start, 1)) {
      if (!reached[start]) {
        continue;
      }
      int charEnd = word.offsetByCodePoints(start, 1);
      boolean singleChar = false;
      int limit = Math.min(n, start + maxPieceLength);
      for (int end = start + 1; end <= limit; end++) {
        if (end < n && Character.isLowSurrogate(word.charAt(end))) {
          continue; // never split a surrogate pair
        }
        Integer id = ids.get(word.substring(start, end));
        if (id == null) {
          continue;
        }
        double score = best[start] + scores[id];
        if (!reached[end] || score > best[end]) {
          best[end] = score;
          from[end] = start;
          via[end] = id;
          reached[end] = true;
        }
        if (end == charEnd) {
          singleChar = true;
        }
      }
      if (!singleChar) {
        double score = best[start] + unkScore;
        if (!reached[charEnd] || score > best[charEnd]) {
          best[charEnd] = score;
          from[charEnd] = start;
          via[charEnd] = unkId;
          reached[charEnd] = true;
        }
      }
    }
    List<Integer> reversed = new ArrayList<>();
    boolean previousUnknown = false;
    for (int end = n; end > 0; end = from[end]) {
      boolean unknown = via[end] == unkId;
      if (!(unknown && previousUnknown)) {
        reversed.add(via[end]);
      }
      previousUnknown = unknown;
    }
    for (int i = reversed.size() - 1; i >= 0; i--) {
      out.add(reversed.get(i));
    }
  }
}
