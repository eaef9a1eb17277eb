package party.organization.organization;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import party.platform.events.Aggregate;

/** One Party organization: a node of the tree with its place ({@code ancestors}) and identity. */
@Document("organizations")
public class Organization extends Aggregate {

    public static final String CREATED = "party.organization.created.v1";
    public static final String DISSOLVED = "party.organization.dissolved.v1";
    public static final String UPDATED = "party.organization.updated.v1";
    public static final String MOVED = "party.organization.moved.v1";
    /** The events that carry an organization's snapshot. */
    public static final java.util.Set<String> TREE_EVENTS = java.util.Set.of(CREATED, UPDATED, MOVED, DISSOLVED);

    /** IMPORTING: written by a spreadsheet import that has not finished; invisible and unannounced. */
    public enum Status { ACTIVE, DISSOLVED, IMPORTING }

    private OrganizationType type;
    private String name;
    private String shortName;
    @Indexed(unique = true)
    private String code;
    private String unit;
    private LocalDate foundedOn;
    @Indexed
    private String parentId;
    /** Ids from the root down to the parent; every scope check and subtree query reads it. */
    @Indexed
    private List<String> ancestors = new ArrayList<>();
    /** Number of ancestors: subtree listings sort by it (level by level) without an aggregation. */
    private int depth;
    private Status status = Status.ACTIVE;
    /** The spreadsheet import that wrote it, while that import runs. */
    private String importId;
    private java.time.Instant importStartedAt;

    protected Organization() {
    }

    static Organization create(OrganizationType type, String name, String shortName, String code, String unit,
                               LocalDate foundedOn, Organization parent) {
        Organization org = new Organization();
        org.id = UUID.randomUUID().toString();
        org.type = type;
        org.name = name;
        org.shortName = shortName == null || shortName.isBlank() ? name : shortName;
        org.code = code;
        org.unit = unit;
        org.foundedOn = foundedOn;
        if (parent != null) {
            org.parentId = parent.getId();
            org.ancestors = new ArrayList<>(parent.ancestors);
            org.ancestors.add(parent.getId());
        }
        org.depth = org.ancestors.size();
        org.raise(CREATED, org.snapshot());
        return org;
    }

    /**
     * An organization from a spreadsheet import, written before the whole import is known to
     * succeed: not yet visible, not yet announced (see {@link #activateImported()}).
     */
    static Organization imported(String id, OrganizationType type, String name, String code, LocalDate foundedOn,
                                 String parentId, List<String> ancestors, String importId, java.time.Instant startedAt) {
        Organization org = new Organization();
        org.id = id;
        org.type = type;
        org.name = name;
        org.shortName = name;
        org.code = code;
        org.foundedOn = foundedOn;
        org.parentId = parentId;
        org.ancestors = new ArrayList<>(ancestors);
        org.depth = ancestors.size();
        org.status = Status.IMPORTING;
        org.importId = importId;
        org.importStartedAt = startedAt;
        return org;
    }

    /** The import succeeded: the organization becomes visible and is announced as created. */
    void activateImported() {
        status = Status.ACTIVE;
        importId = null;
        importStartedAt = null;
        raise(CREATED, snapshot());
    }

    /** Changes the descriptive fields (name, short name, unit, founding date). */
    void update(String name, String shortName, String unit, LocalDate foundedOn) {
        this.name = name;
        this.shortName = shortName == null || shortName.isBlank() ? name : shortName;
        this.unit = unit;
        this.foundedOn = foundedOn;
        raise(UPDATED, snapshot());
    }

    /** Places this organization under a new parent. */
    void moveUnder(Organization parent) {
        parentId = parent.getId();
        ancestors = new ArrayList<>(parent.ancestors);
        ancestors.add(parent.getId());
        depth = ancestors.size();
        raise(MOVED, snapshot());
    }

    /**
     * Follows a moved ancestor: the part of {@code ancestors} from the moved organization down
     * stays, what was above it is replaced by the moved organization's new ancestors.
     */
    void followMovedAncestor(Organization moved) {
        int at = ancestors.indexOf(moved.getId());
        List<String> rebased = new ArrayList<>(moved.ancestors);
        rebased.addAll(ancestors.subList(at, ancestors.size()));
        ancestors = rebased;
        depth = ancestors.size();
        raise(MOVED, snapshot());
    }

    void dissolve() {
        status = Status.DISSOLVED;
        raise(DISSOLVED, snapshot());
    }

    /** What every organization event carries: enough for any service's org-tree projection. */
    public record Snapshot(String id, String parentId, List<String> ancestors, OrganizationType type, String name,
                           String shortName, String code, String status, long version) {
    }

    private Snapshot snapshot() {
        return new Snapshot(id, parentId, List.copyOf(ancestors), type, name, shortName, code, status.name(), nextVersion());
    }

    public OrganizationType getType() {
        return type;
    }

    public String getName() {
        return name;
    }

    public String getShortName() {
        return shortName;
    }

    public String getCode() {
        return code;
    }

    public String getUnit() {
        return unit;
    }

    public LocalDate getFoundedOn() {
        return foundedOn;
    }

    public String getParentId() {
        return parentId;
    }

    public List<String> getAncestors() {
        return ancestors;
    }

    public Status getStatus() {
        return status;
    }
}
