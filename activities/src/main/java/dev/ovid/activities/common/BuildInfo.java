package dev.ovid.activities.common;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The git commit this build was made from, recorded on every MLflow run for lineage. */
public final class BuildInfo {
  private static final String COMMIT = load();

  private BuildInfo() {}

  public static String gitCommit() {
    return COMMIT;
  }

  private static String load() {
    try (InputStream in = BuildInfo.class.getResourceAsStream("/ovid-git.properties")) {
      if (in == null) return "unknown";
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("git.commit.id.full", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
