package dev.ovid.web.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A request body that is not valid JSON, or has a value of the wrong type, gets a 400 that names
 * the field and the line and column, instead of the framework's own answer. Mismatched input has
 * its own method because Quarkus ships a built-in mapper for exactly that type.
 */
public class JsonInputExceptionMapper {

  @ServerExceptionMapper
  public Response malformed(JsonProcessingException e) {
    return badRequest(e);
  }

  @ServerExceptionMapper
  public Response mismatched(MismatchedInputException e) {
    return badRequest(e);
  }

  private static Response badRequest(JsonProcessingException e) {
    return Response.status(Response.Status.BAD_REQUEST)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ErrorBody("request body is not valid JSON", List.of(describe(e))))
        .build();
  }

  static String describe(JsonProcessingException e) {
    StringBuilder out = new StringBuilder();
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      out.append("field '")
          .append(
              mapping.getPath().stream()
                  .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                  .collect(Collectors.joining(".")))
          .append("': ");
    }
    out.append(e.getOriginalMessage());
    JsonLocation at = e.getLocation();
    if (at != null && at.getLineNr() > 0) {
      out.append(" (line ").append(at.getLineNr()).append(", column ").append(at.getColumnNr());
      out.append(')');
    }
    return out.toString();
  }
}
