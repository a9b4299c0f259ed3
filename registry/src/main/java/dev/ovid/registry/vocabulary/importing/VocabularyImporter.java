package dev.ovid.registry.vocabulary.importing;

import static dev.ovid.registry.audit.AuditLog.detail;

import dev.ovid.registry.audit.AuditLog;
import dev.ovid.registry.vocabulary.Label;
import dev.ovid.registry.vocabulary.NewLabel;
import dev.ovid.registry.vocabulary.Provenance;
import dev.ovid.registry.vocabulary.Vocabulary;
import dev.ovid.registry.vocabulary.VocabularyService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Imports label files into a vocabulary's draft: valid new labels are added (source IMPORT), labels
 * already there (case-insensitively) or repeated count as duplicates, and malformed rows are
 * rejected with their line and reason; one transaction, one audit event.
 */
@ApplicationScoped
public class VocabularyImporter {
  @Inject VocabularyService vocabularies;
  @Inject AuditLog audit;

  @Transactional
  public ImportSummary importFile(
      String vocabularyName, ImportFormat format, String fileName, byte[] bytes, String actor) {
    return importRows(
        vocabularyName,
        LabelFileParser.parse(format, fileName, bytes),
        "import:" + fileName,
        actor);
  }

  @Transactional
  public ImportSummary importPublic(String vocabularyName, String listName, String actor) {
    return importRows(
        vocabularyName, PublicLabelLists.read(listName), "import:public:" + listName, actor);
  }

  private ImportSummary importRows(
      String vocabularyName, List<ImportRow> rows, String source, String actor) {
    Vocabulary vocabulary = vocabularies.find(vocabularyName);
    Set<String> present = new HashSet<>();
    Label.ofVocabulary(vocabulary).forEach(l -> present.add(VocabularyService.key(l.name)));
    List<NewLabel> added = new ArrayList<>();
    List<ImportSummary.Rejected> rejected = new ArrayList<>();
    int duplicates = 0;
    for (ImportRow row : rows) {
      if (row.problem() != null) {
        rejected.add(new ImportSummary.Rejected(row.line(), row.name(), row.problem()));
        continue;
      }
      NewLabel label =
          new NewLabel(
              row.name(),
              Provenance.IMPORT,
              source,
              null,
              row.kind(),
              row.description(),
              row.synonyms());
      String problem = VocabularyService.problemWith(label);
      if (problem != null) {
        rejected.add(new ImportSummary.Rejected(row.line(), row.name(), problem));
      } else if (!present.add(VocabularyService.key(row.name()))) {
        duplicates++;
      } else {
        added.add(label);
      }
    }
    if (!added.isEmpty()) vocabularies.addLabels(vocabulary.name, added, actor);
    ImportSummary summary = new ImportSummary(added.size(), duplicates, rejected);
    audit.record(
        actor,
        "vocabulary.imported",
        "vocabulary",
        vocabulary.id,
        detail(
            "source",
            source,
            "added",
            summary.added(),
            "duplicates",
            duplicates,
            "rejected",
            rejected.size()));
    return summary;
  }
}
