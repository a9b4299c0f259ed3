package dev.ovid.web.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON body of every 4xx/5xx answer of the API. */
@Schema(name = "Error", description = "What went wrong, and the individual problems if several")
public record ErrorBody(
    @Schema(description = "One-line summary", example = "invalid hyperparameters") String error,
    @Schema(description = "Each problem on its own, e.g. one per invalid field")
        List<String> details) {

  public static ErrorBody of(String error) {
    return new ErrorBody(error, List.of());
  }
}
