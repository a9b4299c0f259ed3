package dev.ovid.web.api;

import dev.ovid.registry.common.ValidationException;
import java.util.List;

/** A request with several problems at once (one per field), reported together as a 400. */
public class InvalidRequestException extends ValidationException {
  private final List<String> details;

  public InvalidRequestException(String summary, List<String> details) {
    super(summary);
    this.details = List.copyOf(details);
  }

  public List<String> details() {
    return details;
  }
}
