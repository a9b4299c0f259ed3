package dev.ovid.registry.vocabulary.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ovid.registry.common.ValidationException;
import dev.ovid.registry.vocabulary.Label;
import dev.ovid.registry.vocabulary.LabelKind;
import dev.ovid.registry.vocabulary.Provenance;
import dev.ovid.registry.vocabulary.VocabularyService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class VocabularyImporterTest {
  @Inject VocabularyService vocabularies;
  @Inject VocabularyImporter importer;

  private String vocabulary() {
    String name = "import-" + UUID.randomUUID();
    vocabularies.create(name, null, "po");
    vocabularies.addLabel(name, "Football", "po");
    return name;
  }

  private ImportSummary run(String vocabulary, String format, String file, String content) {
    return importer.importFile(
        vocabulary,
        ImportFormat.parse(format),
        file,
        content.getBytes(StandardCharsets.UTF_8),
        "po");
  }

  private List<String> names(String vocabulary) {
    return vocabularies.labels(vocabulary).stream().map(l -> l.name).toList();
  }

  @Test
  void linesSkipBlanksAndCommentsCountDuplicatesAndRejectTooLongNames() {
    String v = vocabulary();
    String tooLong = "x".repeat(201);
    ImportSummary s =
        run(
            v,
            "lines",
            "labels.txt",
            "tennis\n\n# a comment\n football \nskiing\ntennis\n" + tooLong + "\n");
    assertEquals(2, s.added());
    assertEquals(2, s.duplicates(), "football (case-insensitive) and the second tennis");
    assertEquals(1, s.rejected().size());
    assertEquals(7, s.rejected().get(0).line());
    assertTrue(s.rejected().get(0).reason().contains("longer than 200"), s.rejected().toString());
    assertEquals(List.of("Football", "skiing", "tennis"), names(v));
    Label tennis =
        vocabularies.labels(v).stream().filter(l -> l.name.equals("tennis")).findFirst().get();
    assertEquals(Provenance.IMPORT, tennis.provenance);
  }

  @Test
  void csvReadsKindAndDescriptionAndRejectsBadRowsByLine() {
    String v = vocabulary();
    ImportSummary s =
        run(
            v,
            "auto",
            "labels.csv",
            "name,kind,description\n"
                + "surfing,action,\"riding a wave, standing\"\n"
                + "beach,scene,\n"
                + "volcano,mountain,a bad kind\n"
                + "only-two,entity\n"
                + ",entity,no name\n");
    assertEquals(2, s.added());
    assertEquals(3, s.rejected().size());
    assertEquals(4, s.rejected().get(0).line());
    assertTrue(s.rejected().get(0).reason().contains("kind 'mountain'"));
    assertEquals(5, s.rejected().get(1).line());
    assertTrue(s.rejected().get(1).reason().contains("columns"));
    assertEquals("the name is empty", s.rejected().get(2).reason());
    Label surfing =
        vocabularies.labels(v).stream().filter(l -> l.name.equals("surfing")).findFirst().get();
    assertEquals(LabelKind.ACTION, surfing.kind);
    assertEquals("riding a wave, standing", surfing.description);
    assertThrows(ValidationException.class, () -> run(v, "csv", "x.csv", "label\nfoo\n"));
  }

  @Test
  void jsonTakesNamesOrObjectsAndRejectsOtherElements() {
    String v = vocabulary();
    ImportSummary s =
        run(
            v,
            "auto",
            "labels.json",
            "[\"cat\", {\"name\": \"dog\", \"kind\": \"entity\", \"synonyms\": [\"hound\"]},"
                + " 42, {\"kind\": \"entity\"}, {\"name\": \"owl\", \"kind\": \"bird\"}]");
    assertEquals(2, s.added());
    assertEquals(
        List.of(3, 4, 5), s.rejected().stream().map(ImportSummary.Rejected::line).toList());
    Label dog = vocabularies.labels(v).stream().filter(l -> l.name.equals("dog")).findFirst().get();
    assertEquals(List.of("hound"), dog.synonyms());
    assertThrows(ValidationException.class, () -> run(v, "json", "x.json", "{not json"));
  }

  @Test
  void kineticsCsvKeepsEachClassOnceAsAnAction() {
    String v = vocabulary();
    ImportSummary s =
        run(
            v,
            "kinetics-csv",
            "train.csv",
            "label,youtube_id,time_start,time_end,split\n"
                + "abseiling,aaa,0,10,train\n"
                + "abseiling,bbb,0,10,train\n"
                + "\"air drumming\",ccc,0,10,train\n");
    assertEquals(2, s.added());
    assertEquals(0, s.duplicates());
    assertTrue(
        vocabularies.labels(v).stream()
            .allMatch(l -> l.name.equals("Football") || l.kind == LabelKind.ACTION));
  }

  @Test
  void labelStudioConfigYieldsChoiceAndLabelValues() {
    String v = vocabulary();
    ImportSummary s =
        run(
            v,
            "auto",
            "config.xml",
            "<View>\n  <Video name=\"video\" value=\"$video\"/>\n"
                + "  <Choices name=\"c\" toName=\"video\">\n"
                + "    <Choice value=\"cooking\"/>\n    <Choice value=\"Football\"/>\n"
                + "    <Choice alias=\"x\"/>\n  </Choices>\n"
                + "  <Labels name=\"l\" toName=\"video\"><Label value=\"knife\"/></Labels>\n</View>\n");
    assertEquals(2, s.added());
    assertEquals(1, s.duplicates());
    assertEquals(1, s.rejected().size());
    assertEquals(6, s.rejected().get(0).line());
    assertTrue(names(v).containsAll(List.of("cooking", "knife")));
    assertThrows(ValidationException.class, () -> run(v, "label-studio", "x.xml", "<View><Choice"));
  }

  @Test
  void everyShippedPublicListImports() {
    String v = vocabulary();
    assertEquals(400, importer.importPublic(v, "kinetics-400", "po").added());
    ImportSummary activitynet = importer.importPublic(v, "activitynet-1.3", "po");
    assertEquals(200, activitynet.added() + activitynet.duplicates());
    assertTrue(importer.importPublic(v, "tao", "po").added() > 100);
    assertEquals(149, importer.importPublic(v, "rareact", "po").added());
    assertTrue(names(v).contains("trash can"), "TAO's underscores become spaces");
  }
}
