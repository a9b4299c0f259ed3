package dev.ovid.web.operations;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.common.converter.DefaultDataConverter;
import java.util.List;
import java.util.Optional;

/** Reads activity outcomes out of a workflow's recorded history. */
final class Histories {
  private Histories() {}

  /** The result of the last completed activity of {@code type} (e.g. "Train"). */
  static <T> T lastResult(WorkflowExecutionHistory history, String type, Class<T> resultType) {
    List<HistoryEvent> events = history.getEvents();
    for (int i = events.size() - 1; i >= 0; i--) {
      HistoryEvent event = events.get(i);
      if (event.getEventType() != EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED) continue;
      long scheduledId = event.getActivityTaskCompletedEventAttributes().getScheduledEventId();
      if (typeOf(events, scheduledId).equals(type)) {
        var payloads = event.getActivityTaskCompletedEventAttributes().getResult();
        return DefaultDataConverter.newDefaultInstance()
            .fromPayloads(0, Optional.of(payloads), resultType, resultType);
      }
    }
    throw new AssertionError("no completed " + type + " activity in the history");
  }

  /** The attempt number with which the activity of {@code type} last started (1: no retry). */
  static int attempts(WorkflowExecutionHistory history, String type) {
    int attempt = 0;
    for (HistoryEvent event : history.getEvents()) {
      if (event.getEventType() != EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED) continue;
      long scheduledId = event.getActivityTaskStartedEventAttributes().getScheduledEventId();
      if (typeOf(history.getEvents(), scheduledId).equals(type)) {
        attempt = Math.max(attempt, event.getActivityTaskStartedEventAttributes().getAttempt());
      }
    }
    return attempt;
  }

  private static String typeOf(List<HistoryEvent> events, long scheduledId) {
    return events.stream()
        .filter(e -> e.getEventId() == scheduledId)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no event " + scheduledId))
        .getActivityTaskScheduledEventAttributes()
        .getActivityType()
        .getName();
  }
}
