package dev.ovid.workflows.curation;

/**
 * Which labeler to use, as small serialisable settings (secrets such as an API key stay in the
 * worker's configuration, never in workflow history).
 *
 * @param kind TEACHER (a registered Ovid model version) or CHAT (an OpenAI-compatible endpoint)
 * @param modelVersionId TEACHER: the registered model version's id
 * @param threshold TEACHER: keep labels whose probability is at least this
 * @param baseUrl CHAT: e.g. http://127.0.0.1:8000/v1
 * @param model CHAT: model name sent to the endpoint
 * @param prompt CHAT: instruction, {vocabulary} replaced by the labels; null for the default
 * @param frames frames sampled per video (null: the worker's ovid.model.frames)
 */
public record LabelerSpec(
    Kind kind,
    Long modelVersionId,
    Double threshold,
    String baseUrl,
    String model,
    String prompt,
    Integer frames) {

  public enum Kind {
    TEACHER,
    CHAT
  }

  public static LabelerSpec teacher(long modelVersionId, double threshold) {
    return new LabelerSpec(Kind.TEACHER, modelVersionId, threshold, null, null, null, null);
  }

  public static LabelerSpec chat(String baseUrl, String model, String prompt) {
    return new LabelerSpec(Kind.CHAT, null, null, baseUrl, model, prompt, null);
  }
}
