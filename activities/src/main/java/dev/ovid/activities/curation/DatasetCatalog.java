package dev.ovid.activities.curation;

import dev.ovid.activities.curation.demo.DemoDataset;
import java.util.List;

/** The dataset sources a pipeline run can curate from. */
public final class DatasetCatalog {
  private DatasetCatalog() {}

  public static List<String> names() {
    return List.of(DemoDataset.NAME);
  }

  public static boolean knows(String name) {
    return names().contains(name);
  }
}
