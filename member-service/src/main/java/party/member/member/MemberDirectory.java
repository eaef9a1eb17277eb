package party.member.member;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.bson.BsonBinaryReader;
import org.bson.BsonType;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The member directory: one document per organization ({@code _id} = organization id) holding an
 * entry per member registered in it, keyed by member id. Lists, counts and statistics read these
 * documents by {@code _id} instead of querying {@code members} by organization: one indexed read
 * per organization, on any MongoDB, whatever the registry's size (the embedded server this stack
 * runs on has no secondary indexes at all).
 *
 * <p>Written twice, on purpose: right after a registration in the same request (so that the
 * caller's next list shows the member), and by {@link DirectoryListener} from every member event,
 * which re-reads the member and so repairs anything the first write missed. Both writes set an
 * entry to the member's state as read, so their order does not matter: the last event of a member
 * is handled after its last change and leaves the entry current.
 */
@Component
public class MemberDirectory {

    public static final String COLLECTION = "member_directory";
    private static final Logger log = LoggerFactory.getLogger(MemberDirectory.class);

    private final MongoTemplate mongo;

    MemberDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Sets the entries of these members in their organizations' documents (one update per organization, one bulk write). */
    public void record(Collection<Member> members) {
        Map<String, Document> byOrg = new LinkedHashMap<>();
        for (Member member : members) {
            DirectoryEntry entry = DirectoryEntry.of(member);
            byOrg.computeIfAbsent(entry.orgId(), o -> new Document()).append("members." + entry.memberId(), entry.encode());
        }
        if (byOrg.isEmpty()) {
            return;
        }
        // One round trip for all organizations (a roster chunk can touch a thousand branches).
        List<com.mongodb.client.model.WriteModel<Document>> writes = new ArrayList<>(byOrg.size());
        byOrg.forEach((orgId, set) -> writes.add(new com.mongodb.client.model.UpdateOneModel<>(new Document("_id", orgId),
                new Document("$set", set), new com.mongodb.client.model.UpdateOptions().upsert(true))));
        mongo.getCollection(COLLECTION).bulkWrite(writes, new com.mongodb.client.model.BulkWriteOptions().ordered(false));
    }

    /**
     * {@link #record} for the request path: a failure here must not fail a registration that is
     * already stored; the member's event brings the entry a moment later.
     */
    public void recordQuietly(Collection<Member> members) {
        try {
            record(members);
        } catch (RuntimeException e) {
            log.warn("directory entry of {} member(s) left to the event listener: {}", members.size(), e.toString());
        }
    }

    /** Removes a member's entry from an organization it no longer belongs to. */
    void remove(String orgId, String memberId) {
        mongo.getCollection(COLLECTION).updateOne(new Document("_id", orgId),
                new Document("$unset", new Document("members." + memberId, "")));
    }

    /** Organizations read per query: a reply stays a few megabytes whatever the subtree. */
    private static final int ORGS_PER_READ = 500;

    /**
     * Hands every entry of these organizations' members to {@code each}, in no particular order,
     * reading the documents a slice of organizations at a time: a whole tree of a million members
     * is never one reply (the embedded server would send it as one message) nor one list in memory.
     */
    public void forEach(Collection<String> orgIds, Consumer<DirectoryEntry> each) {
        forEachEncoded(orgIds, (orgId, memberId, encoded) -> each.accept(DirectoryEntry.decode(memberId, orgId, encoded)));
    }

    /** An entry as stored (see {@link DirectoryEntry#encode}); its fields are read with {@link EncodedEntry}. */
    @FunctionalInterface
    public interface EncodedEntries {
        void accept(String orgId, String memberId, String encoded);
    }

    /**
     * {@link #forEach} without building an entry per member: the documents are read as raw BSON and
     * walked once, so a whole tree's million entries cost one string each (no document map, no
     * record of twelve fields). The statistics count from the encoded fields directly.
     */
    public void forEachEncoded(Collection<String> orgIds, EncodedEntries each) {
        List<String> ids = List.copyOf(orgIds);
        for (int from = 0; from < ids.size(); from += ORGS_PER_READ) {
            List<String> slice = ids.subList(from, Math.min(ids.size(), from + ORGS_PER_READ));
            for (RawBsonDocument doc : mongo.getCollection(COLLECTION).withDocumentClass(RawBsonDocument.class)
                    .find(new Document("_id", new Document("$in", slice)))) {
                String orgId = doc.getString("_id").getValue();
                try (BsonBinaryReader reader = new BsonBinaryReader(doc.getByteBuffer().asNIO())) {
                    reader.readStartDocument();
                    while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                        if (!"members".equals(reader.readName()) || reader.getCurrentBsonType() != BsonType.DOCUMENT) {
                            reader.skipValue();
                            continue;
                        }
                        reader.readStartDocument();
                        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                            String memberId = reader.readName();
                            each.accept(orgId, memberId, reader.readString());
                        }
                        reader.readEndDocument();
                    }
                }
            }
        }
    }
}
