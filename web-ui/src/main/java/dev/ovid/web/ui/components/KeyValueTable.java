package dev.ovid.web.ui.components;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Shows JSON-like data (maps, lists, numbers, text) as nested HTML tables: one row per key, lists
 * of objects as tables with a column per key, lists of values as a comma-separated line. Used for
 * hyperparameters, curation reports, audit details.
 */
public class KeyValueTable extends Div {
  /** Lists longer than this show their first items and a count of the rest. */
  static final int MAX_LIST_ITEMS = 200;

  public KeyValueTable(Map<String, ?> data) {
    addClassName("ovid-kv-box");
    getStyle().set("max-width", "100%").set("overflow-x", "auto");
    getElement().appendChild(table(data));
  }

  static Element table(Map<String, ?> data) {
    Element table = new Element("table");
    table.getClassList().add("ovid-kv");
    Element body = new Element("tbody");
    table.appendChild(body);
    if (data == null || data.isEmpty()) {
      body.appendChild(row(new Element("td").setText("(none)")));
      return table;
    }
    data.forEach(
        (key, value) -> {
          Element th = new Element("th").setText(String.valueOf(key));
          th.setAttribute("scope", "row");
          Element td = new Element("td");
          td.setAttribute("data-key", String.valueOf(key));
          cell(td, value);
          body.appendChild(row(th, td));
        });
    return table;
  }

  private static void cell(Element td, Object value) {
    if (value instanceof Map<?, ?> map) {
      td.appendChild(table(stringKeys(map)));
    } else if (value instanceof Collection<?> items && !items.isEmpty() && allMaps(items)) {
      td.appendChild(rows(items));
    } else if (value instanceof Collection<?> items) {
      td.setText(joined(items));
    } else {
      td.setText(value == null ? "" : String.valueOf(value));
    }
  }

  /** A list of objects: a column per key found in any of them. */
  private static Element rows(Collection<?> items) {
    Set<String> columns = new LinkedHashSet<>();
    items.forEach(item -> ((Map<?, ?>) item).keySet().forEach(k -> columns.add(String.valueOf(k))));
    Element table = new Element("table");
    table.getClassList().add("ovid-kv");
    Element head = new Element("tr");
    columns.forEach(c -> head.appendChild(new Element("th").setText(c)));
    table.appendChild(new Element("thead").appendChild(head));
    Element body = new Element("tbody");
    int shown = 0;
    for (Object item : items) {
      if (shown++ == MAX_LIST_ITEMS) {
        Element more = new Element("td").setText("… " + (items.size() - MAX_LIST_ITEMS) + " more");
        more.setAttribute("colspan", String.valueOf(columns.size()));
        body.appendChild(row(more));
        break;
      }
      Map<String, ?> map = stringKeys((Map<?, ?>) item);
      Element tr = new Element("tr");
      for (String c : columns) {
        Element td = new Element("td");
        cell(td, map.get(c));
        tr.appendChild(td);
      }
      body.appendChild(tr);
    }
    return table.appendChild(body);
  }

  static String joined(Collection<?> items) {
    if (items.isEmpty()) return "(none)";
    List<String> text = items.stream().limit(MAX_LIST_ITEMS).map(String::valueOf).toList();
    String line = String.join(", ", text);
    return items.size() > MAX_LIST_ITEMS
        ? line + " … (" + items.size() + " in all)"
        : items.size() > 3 ? line + " (" + items.size() + ")" : line;
  }

  private static boolean allMaps(Collection<?> items) {
    return items.stream().allMatch(i -> i instanceof Map<?, ?>);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ?> stringKeys(Map<?, ?> map) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    map.forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }

  private static Element row(Element... cells) {
    Element tr = new Element("tr");
    for (Element c : cells) tr.appendChild(c);
    return tr;
  }
}
