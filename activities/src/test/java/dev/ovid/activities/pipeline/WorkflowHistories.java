package dev.ovid.activities.pipeline;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.common.converter.DefaultDataConverter;
import java.util.List;

/** Reads activity outcomes out of a workflow's recorded history. */
final class WorkflowHistories {
  private WorkflowHistories() {}

  /** The result of the last completed activity of {@code type} (e.g. "Train"). */
  static <T> T lastResult(WorkflowExecutionHistory history, String type, Class<T> resultType) {
    List<HistoryEvent> events = history.getEvents();
    for (int i = events.size() - 1; i >= 0; i--) {
      HistoryEvent event = events.get(i);
      if (event.getEventType() != EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED) continue;
      long scheduledId = event.getActivityTaskCompletedEventAttributes().getScheduledEventId();
      HistoryEvent scheduled = find(events, scheduledId);
      if (scheduled
          .getActivityTaskScheduledEventAttributes()
          .getActivityType()
          .getName()
          .equals(type)) {
        var payloads = event.getActivityTaskCompletedEventAttributes().getResult();
        return DefaultDataConverter.newDefaultInstance()
            .fromPayloads(0, java.util.Optional.of(payloads), resultType, resultType);
      }
    }
    throw new AssertionError("no completed " + type + " activity in the history");
  }

  /** How many times an activity of {@code type} was started (attempts, retries included). */
  static int attempts(WorkflowExecutionHistory history, String type) {
    // Started events of retried attempts are recorded once, with the final attempt number.
    for (HistoryEvent event : history.getEvents()) {
      if (event.getEventType() != EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED) continue;
      long scheduledId = event.getActivityTaskStartedEventAttributes().getScheduledEventId();
      if (find(history.getEvents(), scheduledId)
          .getActivityTaskScheduledEventAttributes()
          .getActivityType()
          .getName()
          .equals(type)) {
        return event.getActivityTaskStartedEventAttributes().getAttempt();
      }
    }
    return 0;
  }

  private static HistoryEvent find(List<HistoryEvent> events, long id) {
    return events.stream()
        .filter(e -> e.getEventId() == id)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no event " + id));
  }
}
