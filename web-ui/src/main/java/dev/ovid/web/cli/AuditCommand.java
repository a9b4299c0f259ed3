package dev.ovid.web.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ovid audit verify}: checks the audit log's hash chain (REST API). */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "The audit log of a running Ovid.",
    subcommands = {AuditCommand.Verify.class})
public final class AuditCommand implements Runnable {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description =
          "Checks that every audit entry stores the hash of the one before and matches its own"
              + " hash; reports the first broken link with that entry as a JSON line. Exit code 0"
              + " when the chain holds, 2 when it is broken.")
  static final class Verify implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ApiOptions api;

    @Option(
        names = "--json",
        description = "print {\"entries\": n, \"ok\": true|false, \"first_bad_id\": null|n}")
    boolean json;

    @Override
    public Integer call() throws Exception {
      return CliCalls.guarded(
          spec,
          () -> {
            JsonNode result = api.client().get("/api/audit/verify");
            boolean ok = result.path("ok").asBoolean(false);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
              ObjectNode summary = JSON.createObjectNode();
              summary.put("entries", result.path("entries").asLong());
              summary.put("ok", ok);
              summary.set("first_bad_id", result.path("firstBadId"));
              if (!ok) {
                summary.put("problem", result.path("problem").asText());
                summary.put("entry", result.path("firstBadEntry").asText());
              }
              out.println(JSON.writeValueAsString(summary));
            } else if (ok) {
              out.printf(
                  "audit log OK: %d entries, every link holds (%d from before the chain)%n",
                  result.path("entries").asLong(), result.path("unchained").asLong());
            } else {
              out.printf(
                  "audit log BROKEN at entry %d: %s%n%s%n",
                  result.path("firstBadId").asLong(),
                  result.path("problem").asText(),
                  result.path("firstBadEntry").asText());
            }
            out.flush();
            return ok ? 0 : 2;
          });
    }
  }
}
