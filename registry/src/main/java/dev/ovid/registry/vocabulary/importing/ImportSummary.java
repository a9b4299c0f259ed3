package dev.ovid.registry.vocabulary.importing;

import java.util.List;

/** What an import did: labels added to the draft, duplicates skipped, rows rejected and why. */
public record ImportSummary(int added, int duplicates, List<Rejected> rejected) {
  public record Rejected(int line, String value, String reason) {}
}
