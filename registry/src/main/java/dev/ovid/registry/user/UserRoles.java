package dev.ovid.registry.user;

import java.util.List;

/** The role names a user may hold (the README's role table says what each may do). */
public final class UserRoles {
  public static final String ML_OPS = "ml-ops";
  public static final String PRODUCT_OWNER = "product-owner";
  public static final String APPROVER = "approver";
  public static final String AUDITOR = "auditor";

  /** Manages users and their roles. */
  public static final String ADMIN = "admin";

  public static final List<String> ALL = List.of(ML_OPS, PRODUCT_OWNER, APPROVER, AUDITOR, ADMIN);

  private UserRoles() {}
}
