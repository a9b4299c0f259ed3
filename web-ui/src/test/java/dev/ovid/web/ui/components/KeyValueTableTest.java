package dev.ovid.web.ui.components;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.dom.Element;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyValueTableTest {

  @Test
  void showsOneRowPerKeyWithNestedMapsAsTablesAndListsOfObjectsAsColumns() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("batchSize", 8);
    data.put("labelsUsed", List.of("circle", "red"));
    data.put("labelsDroppedNotInVocabulary", Map.of("blue", 3));
    data.put(
        "videosUnreadable",
        List.of(
            Map.of("id", "v1", "reason", "no video stream"), Map.of("id", "v2", "reason", "EOF")));
    Element table = KeyValueTable.table(data);
    String html = table.getOuterHTML();

    assertEquals(4, table.getChild(0).getChildCount());
    assertTrue(html.contains("<th scope=\"row\">batchSize</th>"), html);
    assertTrue(html.contains(">circle, red<"), html);
    assertTrue(html.contains("<th scope=\"row\">blue</th>"), html);
    assertTrue(html.contains("<th>reason</th>"), html);
    assertTrue(html.contains("<td>no video stream</td>"), html);
  }

  @Test
  void longListsShowACount() {
    assertEquals("a, b, c, d (4)", KeyValueTable.joined(List.of("a", "b", "c", "d")));
    assertEquals("(none)", KeyValueTable.joined(List.of()));
  }
}
