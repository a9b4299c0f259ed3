package dev.ovid.web.cli;

import picocli.CommandLine.Option;

/** Like {@link ApiOptions}, but as the admin user: managing users needs the admin role. */
final class AdminOptions {
  @Option(
      names = "--url",
      defaultValue = "${env:OVID_URL:-http://127.0.0.1:62080}",
      description = "Ovid base URL (default: ${DEFAULT-VALUE})")
  String url;

  @Option(
      names = "--user",
      defaultValue = "admin",
      description = "an admin user (default: ${DEFAULT-VALUE})")
  String user;

  @Option(
      names = "--password",
      defaultValue = "${env:OVID_ADMIN_PASSWORD:-admin}",
      description = "its password")
  String password;

  OvidApiClient client() {
    return new OvidApiClient(url, user, password);
  }
}
