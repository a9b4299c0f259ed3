package dev.ovid.web.benchmarks;

import dev.ovid.registry.benchmark.BenchmarkEvaluation;
import dev.ovid.registry.benchmark.BenchmarkRegistry;
import dev.ovid.registry.benchmark.BenchmarkResult;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Model versions side by side: one row per model version (its latest successful suite evaluation),
 * one column per benchmark name, cells AUPR and F1 at the suite's calibrated threshold.
 */
@ApplicationScoped
public class Leaderboard {
  @Inject BenchmarkRegistry benchmarks;

  public record Cell(
      long evaluationId, int position, double aupr, Double f1AtCalibrated, double peakF1) {}

  public record Row(
      long modelVersionId,
      String model,
      long evaluationId,
      Double calibratedThreshold,
      Map<String, Cell> cells) {}

  public record Table(List<String> benchmarks, List<Row> rows) {}

  public Table table() {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Map<Long, Row> byModel = new LinkedHashMap<>();
              LinkedHashSet<String> columns = new LinkedHashSet<>();
              for (BenchmarkEvaluation e : benchmarks.list(500)) {
                if (!BenchmarkEvaluation.SUCCEEDED.equals(e.status)
                    || byModel.containsKey(e.modelVersion.id)) {
                  continue; // newest first: keep the latest evaluation of each model version
                }
                Map<String, Cell> cells = new LinkedHashMap<>();
                for (BenchmarkResult r : benchmarks.results(e.id)) {
                  columns.add(r.name);
                  cells.put(r.name, new Cell(e.id, r.position, r.aupr, r.f1AtCalibrated, r.peakF1));
                }
                byModel.put(
                    e.modelVersion.id,
                    new Row(
                        e.modelVersion.id,
                        e.modelVersion.modelName + " v" + e.modelVersion.version,
                        e.id,
                        e.calibratedThreshold,
                        cells));
              }
              return new Table(new ArrayList<>(columns), new ArrayList<>(byModel.values()));
            });
  }
}
