package dev.ovid.activities.curation.kinetics;

import static org.junit.jupiter.api.Assertions.*;

import dev.ovid.registry.dataset.manifest.ManifestFormatException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class KineticsCsvReaderTest {
  private static List<dev.ovid.registry.dataset.manifest.ManifestEntry> read(String csv) {
    return new KineticsCsvReader("s3://videos/kinetics")
        .read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "train.csv");
  }

  @Test
  void readsClipsWithKineticsFileNamesAndMergesLabels() {
    var entries =
        read(
            "label,youtube_id,time_start,time_end,split\n"
                + "abseiling,--07WQ2iBlw,1,11,train\n"
                + "\"playing guitar, acoustic\",-0bSPhCC20c,30,40,val\n"
                + "rock climbing,--07WQ2iBlw,1,11,train\n");
    assertEquals(2, entries.size());
    var first = entries.get(0);
    assertEquals("--07WQ2iBlw_000001_000011", first.id());
    assertEquals("s3://videos/kinetics/--07WQ2iBlw_000001_000011.mp4", first.uri());
    assertEquals(List.of("abseiling", "rock climbing"), first.labels());
    assertEquals("playing guitar, acoustic", entries.get(1).labels().get(0));
    assertEquals("val", entries.get(1).split());
  }

  @Test
  void namesFileAndLineOfABadRow() {
    var error =
        assertThrows(
            ManifestFormatException.class,
            () ->
                read(
                    "label,youtube_id,time_start,time_end,split\nabseiling,x,1,11,train\nbowling,y,ten,20,train\n"));
    assertTrue(error.getMessage().startsWith("train.csv:3:"), error.getMessage());
    assertTrue(error.getMessage().contains("time_start"), error.getMessage());
  }

  @Test
  void rejectsAMissingColumn() {
    var error =
        assertThrows(
            ManifestFormatException.class,
            () -> read("label,youtube_id,time_start,split\na,b,1,train\n"));
    assertTrue(error.getMessage().contains("missing column 'time_end'"), error.getMessage());
  }
}
