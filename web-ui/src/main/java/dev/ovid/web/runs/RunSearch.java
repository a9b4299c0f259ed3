package dev.ovid.web.runs;

import dev.ovid.registry.run.RunStatus;
import dev.ovid.registry.run.TrainingRun;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Finds runs page by page, newest first, narrowed by status, dataset and launcher. */
@ApplicationScoped
public class RunSearch {

  /**
   * What to show; null or blank parts match everything. {@code dataset} and {@code launchedBy}
   * match case-insensitively anywhere in the name.
   */
  public record Filter(RunStatus status, String dataset, String launchedBy) {
    public static final Filter ALL = new Filter(null, null, null);
  }

  @Transactional
  public List<TrainingRun> page(Filter filter, int offset, int limit) {
    Query q = query(filter);
    int size = Math.max(1, limit);
    // A range, not a Panache page: a lazy grid's offset need not be a multiple of its limit.
    return TrainingRun.<TrainingRun>find(q.where + " order by createdAt desc, id desc", q.params)
        .range(Math.max(0, offset), Math.max(0, offset) + size - 1)
        .list();
  }

  @Transactional
  public long count(Filter filter) {
    Query q = query(filter);
    return TrainingRun.count(q.where, q.params);
  }

  /** Distinct launchers and dataset names, for the filter pickers. */
  @Transactional
  public List<String> launchers() {
    return TrainingRun.getEntityManager()
        .createQuery(
            "select distinct r.launchedBy from TrainingRun r order by r.launchedBy", String.class)
        .getResultList();
  }

  @Transactional
  public List<String> datasets() {
    return TrainingRun.getEntityManager()
        .createQuery(
            "select distinct r.datasetName from TrainingRun r order by r.datasetName", String.class)
        .getResultList();
  }

  private record Query(String where, Map<String, Object> params) {}

  private static Query query(Filter filter) {
    Filter f = filter == null ? Filter.ALL : filter;
    List<String> parts = new ArrayList<>();
    Map<String, Object> params = new LinkedHashMap<>();
    parts.add("1 = 1");
    if (f.status() != null) {
      parts.add("status = :status");
      params.put("status", f.status());
    }
    if (f.dataset() != null && !f.dataset().isBlank()) {
      parts.add("lower(datasetName) like :dataset");
      params.put("dataset", like(f.dataset()));
    }
    if (f.launchedBy() != null && !f.launchedBy().isBlank()) {
      parts.add("lower(launchedBy) like :launcher");
      params.put("launcher", like(f.launchedBy()));
    }
    return new Query(String.join(" and ", parts), params);
  }

  private static String like(String text) {
    return "%" + text.trim().toLowerCase() + "%";
  }
}
