package dev.ovid.registry.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Map;
import java.util.TreeMap;

/** One shared Jackson mapper for the JSON columns (audit details, hyperparameters). */
public final class Json {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private Json() {}

  public static String write(Object value) {
    if (value == null) {
      return "{}";
    }
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new ValidationException("cannot write JSON: " + e.getOriginalMessage());
    }
  }

  /** Reads a JSON object; {@code what} names the source in the error message. */
  public static Map<String, Object> readObject(String json, String what) {
    if (json == null || json.isBlank()) {
      return new TreeMap<>();
    }
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> map = MAPPER.readValue(json, TreeMap.class);
      return map;
    } catch (JsonProcessingException e) {
      throw new ValidationException(
          what
              + " is not a JSON object (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + "): "
              + e.getOriginalMessage());
    }
  }

  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
