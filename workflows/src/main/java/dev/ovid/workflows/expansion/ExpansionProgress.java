package dev.ovid.workflows.expansion;

/**
 * Where an expansion is: queued, embedding, done or failed, with a message and the labels embedded
 * so far of how many ({@code labelsTotal} is 0 until the worker has read the vocabulary).
 */
public record ExpansionProgress(
    String state, double fraction, String message, int labelsDone, int labelsTotal) {

  public ExpansionProgress(String state, double fraction, String message) {
    this(state, fraction, message, 0, 0);
  }
}
