package dev.ovid.workflows.common;

/**
 * Ovid's Temporal task queues, all named from one configured base ({@code
 * ovid.temporal.task-queue}): workflow tasks on {@code <base>-workflows}, and activities by the
 * resource they need, so a worker host chooses what it runs by the queues it polls and how many of
 * each it runs at once.
 *
 * <ul>
 *   <li>{@code <base>-training}: training (GPU or many cores; one at a time per worker by default)
 *   <li>{@code <base>-cpu}: curation, expansion, evaluation, tracking, registration
 *   <li>{@code <base>-inference}: classification and video embedding
 * </ul>
 */
public record TaskQueues(String base) {
  private static final String WORKFLOWS = "-workflows";

  public TaskQueues {
    if (base == null || base.isBlank()) throw new IllegalArgumentException("blank task queue base");
  }

  /** The queues of a workflow running on {@code workflowQueue}. */
  public static TaskQueues ofWorkflowQueue(String workflowQueue) {
    // Histories recorded before the queues were split ran on the bare base name.
    return new TaskQueues(
        workflowQueue.endsWith(WORKFLOWS)
            ? workflowQueue.substring(0, workflowQueue.length() - WORKFLOWS.length())
            : workflowQueue);
  }

  public String workflows() {
    return base + WORKFLOWS;
  }

  public String training() {
    return base + "-training";
  }

  public String cpu() {
    return base + "-cpu";
  }

  public String inference() {
    return base + "-inference";
  }
}
