package dev.ovid.web.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ovid users}: list, add, change passwords and roles, disable users (REST API, admin role;
 * pass {@code --user admin --password ...}).
 */
@Command(
    name = "users",
    mixinStandardHelpOptions = true,
    description = "Users and their roles on a running Ovid (needs the admin role).",
    subcommands = {
      UsersCommand.ListUsers.class,
      UsersCommand.Add.class,
      UsersCommand.Passwd.class,
      UsersCommand.SetRoles.class,
      UsersCommand.Disable.class,
      UsersCommand.Enable.class
    })
public final class UsersCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static List<String> roles(String csv) {
    return Arrays.stream(csv.split(",")).map(String::trim).filter(r -> !r.isEmpty()).toList();
  }

  static void print(PrintWriter out, JsonNode user) {
    out.printf(
        "%-20s %-8s %s%n",
        user.path("username").asText(),
        user.path("enabled").asBoolean() ? "enabled" : "disabled",
        user.path("roles").toString());
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "All users")
  static final class ListUsers implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin AdminOptions api;

    @Override
    public Integer call() throws Exception {
      return CliCalls.guarded(
          spec,
          () -> {
            PrintWriter out = spec.commandLine().getOut();
            api.client().get("/api/users").forEach(u -> print(out, u));
            out.flush();
            return 0;
          });
    }
  }

  @Command(name = "add", mixinStandardHelpOptions = true, description = "Create a user")
  static final class Add implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin AdminOptions api;

    @Parameters(index = "0", description = "user name")
    String username;

    @Option(
        names = "--roles",
        required = true,
        description = "comma-separated: ml-ops, product-owner, approver, auditor, admin")
    String roles;

    @Option(
        names = "--new-password",
        required = true,
        interactive = true,
        arity = "0..1",
        description = "the user's password (prompted when given without a value)")
    String password;

    @Override
    public Integer call() throws Exception {
      return CliCalls.guarded(
          spec,
          () -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("username", username);
            body.put("password", password);
            body.put("roles", roles(roles));
            print(spec.commandLine().getOut(), api.client().post("/api/users", body));
            spec.commandLine().getOut().flush();
            return 0;
          });
    }
  }

  @Command(name = "passwd", mixinStandardHelpOptions = true, description = "Set a password")
  static final class Passwd implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin AdminOptions api;

    @Parameters(index = "0", description = "user name")
    String username;

    @Option(
        names = "--new-password",
        required = true,
        interactive = true,
        arity = "0..1",
        description = "the new password (prompted when given without a value)")
    String password;

    @Override
    public Integer call() throws Exception {
      return CliCalls.guarded(
          spec,
          () -> {
            api.client().put("/api/users/" + username + "/password", Map.of("password", password));
            spec.commandLine().getOut().println("password of " + username + " changed");
            spec.commandLine().getOut().flush();
            return 0;
          });
    }
  }

  @Command(name = "roles", mixinStandardHelpOptions = true, description = "Replace the roles")
  static final class SetRoles implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin AdminOptions api;

    @Parameters(index = "0", description = "user name")
    String username;

    @Option(
        names = "--roles",
        required = true,
        description = "comma-separated: ml-ops, product-owner, approver, auditor, admin")
    String roles;

    @Override
    public Integer call() throws Exception {
      return CliCalls.guarded(
          spec,
          () -> {
            print(
                spec.commandLine().getOut(),
                api.client()
                    .put("/api/users/" + username + "/roles", Map.of("roles", roles(roles))));
            spec.commandLine().getOut().flush();
            return 0;
          });
    }
  }

  /** Enabling and disabling differ only in the value they send. */
  abstract static class SetEnabled implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin AdminOptions api;

    @Parameters(index = "0", description = "user name")
    String username;

    abstract boolean enabled();

    @Override
    public Integer call() throws Exception {
      return CliCalls.guarded(
          spec,
          () -> {
            print(
                spec.commandLine().getOut(),
                api.client()
                    .put("/api/users/" + username + "/enabled", Map.of("enabled", enabled())));
            spec.commandLine().getOut().flush();
            return 0;
          });
    }
  }

  @Command(name = "disable", mixinStandardHelpOptions = true, description = "Disable a user")
  static final class Disable extends SetEnabled {
    @Override
    boolean enabled() {
      return false;
    }
  }

  @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable a user")
  static final class Enable extends SetEnabled {
    @Override
    boolean enabled() {
      return true;
    }
  }
}
