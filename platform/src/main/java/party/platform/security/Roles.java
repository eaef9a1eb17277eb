package party.platform.security;

/** Platform roles as carried in the {@code roles} claim. */
public final class Roles {
    public static final String ADMIN = "ADMIN";
    public static final String ORG_STAFF = "ORG_STAFF";
    public static final String SECRETARY = "SECRETARY";
    public static final String INSPECTOR = "INSPECTOR";
    public static final String MEMBER = "MEMBER";

    /** Permission to read personal data unmasked; every such read is audit-logged. */
    public static final String PII_READ = "pii:read";

    private Roles() {
    }
}
