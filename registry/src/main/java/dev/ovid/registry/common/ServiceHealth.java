package dev.ovid.registry.common;

/** Result of probing one external service, for /q/health and the UI banner. */
public record ServiceHealth(String service, boolean up, String detail) {
  public static ServiceHealth up(String service, String detail) {
    return new ServiceHealth(service, true, detail);
  }

  public static ServiceHealth down(String service, String detail) {
    return new ServiceHealth(service, false, detail);
  }
}
