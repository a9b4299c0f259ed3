package dev.ovid.web.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A request body that is not valid JSON, or has a value of the wrong kind, gets a 400 that names
 * the field, the kind of value expected and the line and column. Jackson's own messages are never
 * passed on: they name Java types and quote the input. Mismatched input has its own method because
 * Quarkus ships a built-in mapper for exactly that type.
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

  static Response badRequest(JsonProcessingException e) {
    return Response.status(Response.Status.BAD_REQUEST)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(new ErrorBody("request body is not valid JSON", List.of(describe(e))))
        .build();
  }

  static String describe(JsonProcessingException e) {
    StringBuilder out = new StringBuilder();
    String field = fieldOf(e);
    if (e instanceof JsonParseException || field == null && !(e instanceof JsonMappingException)) {
      out.append("malformed JSON");
    } else if (e instanceof UnrecognizedPropertyException) {
      out.append("field '").append(field).append("' is not known");
    } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      out.append(field == null ? "the body" : "field '" + field + "'")
          .append(" must be ")
          .append(kindOf(mismatch.getTargetType()));
    } else {
      out.append(field == null ? "the body" : "field '" + field + "'").append(" has a bad value");
    }
    JsonLocation at = e.getLocation();
    if (at != null && at.getLineNr() > 0) {
      out.append(" (line ").append(at.getLineNr()).append(", column ").append(at.getColumnNr());
      out.append(')');
    }
    return out.toString();
  }

  private static String fieldOf(JsonProcessingException e) {
    if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) return null;
    return mapping.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."));
  }

  /** What a person calls the kind of value a Java type holds. */
  static String kindOf(Class<?> type) {
    if (type == Integer.class
        || type == int.class
        || type == Long.class
        || type == long.class
        || type == Short.class
        || type == short.class
        || type == BigInteger.class) {
      return "a whole number";
    }
    if (type == Double.class
        || type == double.class
        || type == Float.class
        || type == float.class
        || type == BigDecimal.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) return "true or false";
    if (type == String.class) return "text";
    if (type.isEnum()) return "one of " + Arrays.toString(type.getEnumConstants());
    if (type.isArray() || Collection.class.isAssignableFrom(type)) return "a list";
    if (Map.class.isAssignableFrom(type) || type.isRecord()) return "an object";
    return "a value of another kind";
  }
}
