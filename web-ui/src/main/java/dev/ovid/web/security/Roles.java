package dev.ovid.web.security;

/**
 * The three roles of Ovid's users. Everyone authenticated may read runs and vocabularies; the roles
 * add what each job needs to change.
 */
public final class Roles {
  /** Launches training runs; reads the audit log to trace what ran. */
  public static final String ML_OPS = "ml-ops";

  /** Creates vocabularies and adds or removes their labels. */
  public static final String PRODUCT_OWNER = "product-owner";

  /** Reads everything, including the audit log; changes nothing. */
  public static final String AUDITOR = "auditor";

  private Roles() {}
}
