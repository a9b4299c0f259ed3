package dev.ovid.web.security;

/**
 * The roles of Ovid's users (also in {@code dev.ovid.registry.user.UserRoles}). Everyone
 * authenticated may read runs and vocabularies; the roles add what each job needs to change.
 */
public final class Roles {
  /** Launches training runs; reads the audit log to trace what ran. */
  public static final String ML_OPS = "ml-ops";

  /** Creates vocabularies and adds or removes their labels. */
  public static final String PRODUCT_OWNER = "product-owner";

  /**
   * Decides promotions of model versions to production (approve or reject, with a comment); never
   * for a run they launched or a promotion they proposed (four eyes).
   */
  public static final String APPROVER = "approver";

  /** Reads everything, including the audit log; changes nothing. */
  public static final String AUDITOR = "auditor";

  /** Manages users and their roles (the Users page, /api/users, bin/ovid users). */
  public static final String ADMIN = "admin";

  private Roles() {}
}
