package dev.ovid.web.cli;

import picocli.CommandLine.Option;

/** Where Ovid runs and who calls it; shared by the commands that use the REST API. */
final class ApiOptions {
  @Option(
      names = "--url",
      defaultValue = "${env:OVID_URL:-http://127.0.0.1:62080}",
      description = "Ovid base URL (default: ${DEFAULT-VALUE})")
  String url;

  @Option(
      names = "--user",
      defaultValue = "mlops",
      description = "user name; registering needs the ml-ops role (default: ${DEFAULT-VALUE})")
  String user;

  @Option(
      names = "--password",
      defaultValue = "${env:OVID_MLOPS_PASSWORD:-mlops}",
      description = "its password")
  String password;

  OvidApiClient client() {
    return new OvidApiClient(url, user, password);
  }
}
