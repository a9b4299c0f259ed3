package dev.ovid.registry.dataset;

import dev.ovid.registry.dataset.demo.DemoDataset;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The datasets a pipeline run can curate from: the generated {@code demo} dataset and every source
 * registered in the database ({@link DatasetSourceService}).
 */
@ApplicationScoped
public class DatasetCatalog {
  @Inject DatasetSourceService sources;

  /** "demo" first, then the registered sources by name. */
  public List<String> names() {
    List<String> names = new ArrayList<>();
    names.add(DemoDataset.NAME);
    sources.list().forEach(s -> names.add(s.name));
    return names;
  }

  public boolean knows(String name) {
    return DemoDataset.NAME.equals(name) || source(name).isPresent();
  }

  /** The registered source of that name; empty for "demo" and unknown names. */
  public Optional<DatasetSource> source(String name) {
    return sources.find(name);
  }
}
