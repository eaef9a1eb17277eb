package party.organization.organization;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The shape of the tree in memory: parent, children, ancestors, code and status of every
 * organization, so that children, subtrees and paths are answered without scanning the
 * collection (the embedded MongoDB server has no secondary indexes, and even a real one would
 * need a query per level for a subtree listing ordered level by level).
 *
 * <p>It is loaded from MongoDB at start, updated at once by this instance's own writes, and kept
 * up with the writes of other instances by {@link TreeIndexListener}, which reads every tree
 * event with a consumer group of its own. Every change carries the organization's version, so
 * the order in which a write and its event arrive does not matter.
 */
@Component
public class TreeIndex {

    private static final Logger log = LoggerFactory.getLogger(TreeIndex.class);

    /** One organization's place in the tree. */
    public record Node(String id, String parentId, List<String> ancestors, String code, Organization.Status status,
                       long version) {
        static Node of(Organization org) {
            return new Node(org.getId(), org.getParentId(), List.copyOf(org.getAncestors()), org.getCode(),
                    org.getStatus(), org.getVersion() == null ? 0 : org.getVersion());
        }

        boolean visible() {
            return status != Organization.Status.IMPORTING;
        }
    }

    private static final Comparator<Node> BY_CODE = Comparator.comparing(Node::code);

    private final Map<String, Node> nodes = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> children = new ConcurrentHashMap<>();
    private final MongoTemplate mongo;
    private volatile long loadedAt;

    TreeIndex(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Reads the whole tree from MongoDB; called once at start, before requests and events arrive. */
    void load() {
        long start = System.currentTimeMillis();
        Query query = new Query();
        query.fields().include("_id", "parentId", "ancestors", "code", "status", "version");
        int count = 0;
        for (Document doc : mongo.find(query, Document.class, "organizations")) {
            apply(new Node(doc.get("_id").toString(), doc.getString("parentId"), doc.getList("ancestors", String.class, List.of()),
                    doc.getString("code"), Organization.Status.valueOf(doc.getString("status")),
                    ((Number) doc.get("version", 0L)).longValue()));
            count++;
        }
        loadedAt = start;
        log.info("tree index loaded {} organization(s) in {} ms", count, System.currentTimeMillis() - start);
    }

    /** When the load began: events from a little before are replayed, the versions sort out the rest. */
    long loadedAt() {
        return loadedAt;
    }

    /** Takes a newer state of an organization; an older or equal version changes nothing. */
    public synchronized void apply(Node node) {
        Node old = nodes.get(node.id());
        if (old != null && old.version() >= node.version()) {
            return;
        }
        if (old != null && old.parentId() != null && !old.parentId().equals(node.parentId())) {
            Set<String> siblings = children.get(old.parentId());
            if (siblings != null) {
                siblings.remove(node.id());
            }
        }
        nodes.put(node.id(), node);
        if (node.parentId() != null) {
            children.computeIfAbsent(node.parentId(), p -> ConcurrentHashMap.newKeySet()).add(node.id());
        }
    }

    public void apply(Organization org) {
        apply(Node.of(org));
    }

    /** Visible direct children, by code. */
    public List<String> children(String id) {
        return children.getOrDefault(id, Set.of()).stream().map(nodes::get)
                .filter(n -> n != null && n.visible()).sorted(BY_CODE).map(Node::id).toList();
    }

    /** The organization and every visible organization below it, level by level, by code within a level. */
    public List<String> subtree(String id) {
        Node root = nodes.get(id);
        if (root == null || !root.visible()) {
            return List.of();
        }
        List<String> ordered = new ArrayList<>();
        Deque<String> level = new ArrayDeque<>(List.of(id));
        while (!level.isEmpty()) {
            List<Node> next = new ArrayList<>();
            for (String current : level) {
                ordered.add(current);
                for (String child : children.getOrDefault(current, Set.of())) {
                    Node node = nodes.get(child);
                    if (node != null && node.visible()) {
                        next.add(node);
                    }
                }
            }
            next.sort(BY_CODE);
            level = new ArrayDeque<>(next.stream().map(Node::id).toList());
        }
        return ordered;
    }
}
