package dev.ovid.activities.curation.vocabulary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;

/** JSON for curation rules and reports, as stored with a dataset version. */
public final class CurationJson {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private CurationJson() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static String toJson(Object rulesOrReport) {
    try {
      return MAPPER.writeValueAsString(rulesOrReport);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static CurationRules rulesFromJson(String json) {
    try {
      return MAPPER.readValue(json, CurationRules.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("invalid curation rules JSON: " + e.getMessage(), e);
    }
  }

  public static CurationReport reportFromJson(String json) {
    try {
      return MAPPER.readValue(json, CurationReport.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("invalid curation report JSON: " + e.getMessage(), e);
    }
  }
}
