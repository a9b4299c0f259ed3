package dev.ovid.web.schedule;

import static dev.ovid.registry.audit.AuditLog.detail;

import dev.ovid.registry.audit.AuditLog;
import dev.ovid.registry.common.ConflictException;
import dev.ovid.registry.common.NotFoundException;
import dev.ovid.registry.common.ServiceUnavailableException;
import dev.ovid.registry.common.ValidationException;
import dev.ovid.registry.dataset.DatasetCatalog;
import dev.ovid.registry.dataset.DatasetRegistry;
import dev.ovid.registry.run.RunRegistry;
import dev.ovid.registry.temporal.TemporalConnection;
import dev.ovid.registry.vocabulary.VocabularyService;
import dev.ovid.workflows.schedule.ScheduledTrainingRequest;
import dev.ovid.workflows.schedule.ScheduledTrainingWorkflow;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.ScheduleOverlapPolicy;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.schedules.Schedule;
import io.temporal.client.schedules.ScheduleActionStartWorkflow;
import io.temporal.client.schedules.ScheduleAlreadyRunningException;
import io.temporal.client.schedules.ScheduleBackfill;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleClientOptions;
import io.temporal.client.schedules.ScheduleDescription;
import io.temporal.client.schedules.ScheduleHandle;
import io.temporal.client.schedules.ScheduleIntervalSpec;
import io.temporal.client.schedules.ScheduleOptions;
import io.temporal.client.schedules.SchedulePolicy;
import io.temporal.client.schedules.ScheduleSpec;
import io.temporal.client.schedules.ScheduleState;
import io.temporal.client.schedules.ScheduleUpdate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Scheduled retraining on Temporal Schedules: Temporal owns the timing (cron or interval, overlap
 * policy, catch-up window, backfill, pause); each action starts a {@link ScheduledTrainingWorkflow}
 * that creates an Ovid run and runs the pipeline. Every change is audited. Schedules appear in
 * Temporal's UI and {@code temporal schedule list} as {@code ovid-schedule-<name>}. The embedded
 * Java test server has no Schedules (UNIMPLEMENTED).
 */
@ApplicationScoped
public class ScheduleService {
  public static final String ID_PREFIX = "ovid-schedule-";

  @Inject TemporalConnection temporal;
  @Inject RunRegistry runs;
  @Inject VocabularyService vocabularies;
  @Inject DatasetCatalog catalog;
  @Inject DatasetRegistry datasets;
  @Inject AuditLog audit;

  public ScheduleView create(ScheduleRequest request, String user) {
    validate(request);
    String id = ID_PREFIX + request.name();
    call(
        "create schedule " + id,
        () ->
            client()
                .createSchedule(id, schedule(request, id), ScheduleOptions.newBuilder().build()));
    audit.record(user, "schedule.created", "schedule", id, detail("request", request));
    return get(request.name());
  }

  /** Replaces the schedule's timing, policy and action; keeps its paused state unless given. */
  public ScheduleView update(String name, ScheduleRequest request, String user) {
    if (!name.equals(request.name())) {
      throw new ValidationException(
          "a schedule cannot be renamed (" + name + " → " + request.name() + ")");
    }
    validate(request);
    ScheduleHandle handle = handle(name);
    call(
        "update schedule " + handle.getId(),
        () -> {
          handle.update(
              input -> {
                Schedule next = schedule(request, handle.getId());
                if (request.paused() == null) {
                  ScheduleState state = input.getDescription().getSchedule().getState();
                  next =
                      Schedule.newBuilder(next)
                          .setState(
                              ScheduleState.newBuilder()
                                  .setPaused(state.isPaused())
                                  .setNote(state.getNote())
                                  .build())
                          .build();
                }
                return new ScheduleUpdate(next);
              });
          return null;
        });
    audit.record(user, "schedule.updated", "schedule", handle.getId(), detail("request", request));
    return get(name);
  }

  public List<ScheduleView> list() {
    return call(
        "list schedules",
        () ->
            client()
                .listSchedules()
                .map(s -> s.getScheduleId())
                .filter(id -> id.startsWith(ID_PREFIX))
                .sorted()
                .map(id -> get(id.substring(ID_PREFIX.length())))
                .toList());
  }

  public ScheduleView get(String name) {
    ScheduleHandle handle = handle(name);
    ScheduleDescription d = call("describe schedule " + handle.getId(), handle::describe);
    return view(name, d);
  }

  public ScheduleView pause(String name, String note, String user) {
    ScheduleHandle handle = handle(name);
    String why = note == null || note.isBlank() ? "paused by " + user : note;
    call("pause " + handle.getId(), () -> run(() -> handle.pause(why)));
    audit.record(user, "schedule.paused", "schedule", handle.getId(), detail("note", why));
    return get(name);
  }

  public ScheduleView resume(String name, String user) {
    ScheduleHandle handle = handle(name);
    call("resume " + handle.getId(), () -> run(() -> handle.unpause("resumed by " + user)));
    audit.record(user, "schedule.resumed", "schedule", handle.getId(), detail());
    return get(name);
  }

  /** Starts an action now (the schedule's overlap policy applies). */
  public ScheduleView trigger(String name, String user) {
    ScheduleHandle handle = handle(name);
    call("trigger " + handle.getId(), () -> run(handle::trigger));
    audit.record(user, "schedule.triggered", "schedule", handle.getId(), detail());
    return get(name);
  }

  /**
   * Takes the actions the schedule would have taken between {@code from} and {@code to}, each of
   * them, one after another (overlap BUFFER_ALL for the backfill, whatever the schedule's policy:
   * SKIP would drop all but the first). The times must lie in the past.
   */
  public ScheduleView backfill(String name, Instant from, Instant to, String user) {
    if (from == null || to == null || !from.isBefore(to)) {
      throw new ValidationException("backfill needs from < to, was " + from + " .. " + to);
    }
    if (to.isAfter(Instant.now())) {
      throw new ValidationException(
          "backfill covers past times only; 'to' is in the future: " + to);
    }
    ScheduleHandle handle = handle(name);
    call(
        "backfill " + handle.getId(),
        () ->
            run(
                () ->
                    handle.backfill(
                        List.of(
                            new ScheduleBackfill(
                                from,
                                to,
                                ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_BUFFER_ALL)))));
    audit.record(
        user, "schedule.backfilled", "schedule", handle.getId(), detail("from", from, "to", to));
    return get(name);
  }

  public void delete(String name, String user) {
    ScheduleHandle handle = handle(name);
    call("delete " + handle.getId(), () -> run(handle::delete));
    audit.record(user, "schedule.deleted", "schedule", handle.getId(), detail());
  }

  private void validate(ScheduleRequest request) {
    if (request == null) throw new ValidationException("a schedule is required");
    List<String> problems = request.problems();
    if (!problems.isEmpty()) {
      throw new ValidationException("invalid schedule: " + String.join("; ", problems));
    }
    if (!catalog.knows(request.datasetName().trim())) {
      throw new NotFoundException(
          "dataset '" + request.datasetName() + "' not found; known datasets: " + catalog.names());
    }
    if (request.datasetVersion() != null) {
      datasets.find(request.datasetName().trim(), request.datasetVersion());
    }
    var vocabulary = vocabularies.find(request.vocabularyName().trim());
    if (vocabularies.labels(vocabulary.name).isEmpty()) {
      throw new ValidationException("vocabulary '" + vocabulary.name + "' has no labels");
    }
  }

  private Schedule schedule(ScheduleRequest r, String id) {
    ScheduleSpec.Builder spec = ScheduleSpec.newBuilder();
    if (r.cron() != null && !r.cron().isBlank()) {
      spec.setCronExpressions(List.of(r.cron().trim()));
    } else {
      spec.setIntervals(List.of(new ScheduleIntervalSpec(Duration.parse(r.interval().trim()))));
    }
    if (r.timezone() != null && !r.timezone().isBlank()) spec.setTimeZoneName(r.timezone().trim());
    SchedulePolicy.Builder policy =
        SchedulePolicy.newBuilder()
            .setOverlap(
                ScheduleOverlapPolicy.valueOf(
                    "SCHEDULE_OVERLAP_POLICY_"
                        + (r.overlap() == null ? "SKIP" : r.overlap().trim().toUpperCase())));
    if (r.catchupWindow() != null && !r.catchupWindow().isBlank()) {
      policy.setCatchupWindow(Duration.parse(r.catchupWindow().trim()));
    }
    return Schedule.newBuilder()
        .setAction(
            ScheduleActionStartWorkflow.newBuilder()
                .setWorkflowType(ScheduledTrainingWorkflow.class)
                .setArguments(
                    new ScheduledTrainingRequest(
                        id,
                        r.datasetName().trim(),
                        r.vocabularyName().trim(),
                        r.hyperparametersOrDefaults(),
                        blankToNull(r.cron()),
                        blankToNull(r.interval()),
                        r.datasetVersion(),
                        r.registerCandidate() == null || r.registerCandidate()))
                .setOptions(
                    WorkflowOptions.newBuilder()
                        .setWorkflowId(id)
                        .setTaskQueue(temporal.settings().queues().workflows())
                        .build())
                .build())
        .setSpec(spec.build())
        .setPolicy(policy.build())
        .setState(
            ScheduleState.newBuilder()
                .setPaused(Boolean.TRUE.equals(r.paused()))
                .setNote(r.note() == null ? "" : r.note())
                .build())
        .build();
  }

  private ScheduleView view(String name, ScheduleDescription d) {
    Schedule s = d.getSchedule();
    ScheduledTrainingRequest action = null;
    if (s.getAction() instanceof ScheduleActionStartWorkflow start) {
      action = start.getArguments().get(0, ScheduledTrainingRequest.class);
    }
    ScheduleSpec spec = s.getSpec();
    // Temporal compiles a cron into calendar ranges; show it as the user wrote it.
    List<String> cron =
        action != null && action.cron() != null
            ? List.of(action.cron())
            : spec.getCronExpressions() == null ? List.of() : spec.getCronExpressions();
    List<String> intervals =
        action != null && action.interval() != null
            ? List.of(action.interval())
            : spec.getIntervals() == null
                ? List.of()
                : spec.getIntervals().stream().map(i -> i.getEvery().toString()).toList();
    var policy = s.getPolicy();
    List<ScheduleView.ScheduledRunView> started =
        runs.listBySchedule(d.getId(), 50).stream()
            .map(
                r ->
                    new ScheduleView.ScheduledRunView(
                        r.id,
                        r.status.name(),
                        r.message,
                        r.datasetVersion == null ? null : r.datasetVersion.version,
                        r.createdAt,
                        r.finishedAt))
            .toList();
    return new ScheduleView(
        name,
        d.getId(),
        cron,
        cron.isEmpty() && intervals.isEmpty() && spec.getCalendars() != null
            ? spec.getCalendars().stream().map(String::valueOf).toList()
            : List.of(),
        intervals,
        spec.getTimeZoneName(),
        action == null ? null : action.datasetName(),
        action == null ? null : action.datasetVersion(),
        action == null ? null : action.vocabularyName(),
        action == null || action.registersCandidate(),
        action == null ? null : action.hyperparameters(),
        policy == null || policy.getOverlap() == null
            ? null
            : policy.getOverlap().name().replace("SCHEDULE_OVERLAP_POLICY_", ""),
        policy == null || policy.getCatchupWindow() == null
            ? null
            : policy.getCatchupWindow().toString(),
        s.getState() != null && s.getState().isPaused(),
        s.getState() == null ? null : s.getState().getNote(),
        d.getInfo().getNumActions(),
        d.getInfo().getNextActionTimes(),
        started);
  }

  private ScheduleHandle handle(String name) {
    ValidationException.requireText("name", name);
    return client().getHandle(ID_PREFIX + name);
  }

  private ScheduleClient client() {
    return ScheduleClient.newInstance(
        temporal.stubs(),
        ScheduleClientOptions.newBuilder().setNamespace(temporal.settings().namespace()).build());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static Void run(Runnable action) {
    action.run();
    return null;
  }

  private <T> T call(String what, Supplier<T> action) {
    try {
      return action.get();
    } catch (ScheduleAlreadyRunningException e) {
      throw new ConflictException(what + ": a schedule with this name exists");
    } catch (RuntimeException e) {
      Status.Code code = null;
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof StatusRuntimeException grpc) {
          code = grpc.getStatus().getCode();
          break;
        }
      }
      if (code == Status.Code.NOT_FOUND) throw new NotFoundException(what + ": no such schedule");
      if (code == Status.Code.INVALID_ARGUMENT) {
        throw new ValidationException(what + ": Temporal refused it: " + e.getMessage());
      }
      if (code == Status.Code.UNIMPLEMENTED) {
        throw new ServiceUnavailableException(
            what
                + ": this Temporal server has no Schedules (the embedded test server); run the"
                + " Temporal dev server (bin/ovid up)",
            e);
      }
      if (e instanceof dev.ovid.registry.common.OvidException ovid) throw ovid;
      throw new ServiceUnavailableException(what + " failed: " + e.getMessage(), e);
    }
  }
}
