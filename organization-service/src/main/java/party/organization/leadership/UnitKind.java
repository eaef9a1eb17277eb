package party.organization.leadership;

/**
 * The kind of unit an organization belongs to, which sets the default term length: 3 years for a
 * branch of an enterprise or institution, 5 for a village or community unit.
 */
public enum UnitKind {
    ENTERPRISE,
    VILLAGE,
    COMMUNITY
}
