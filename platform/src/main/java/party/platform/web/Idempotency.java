package party.platform.web;

import java.time.Instant;
import java.util.function.Supplier;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Honours {@code Idempotency-Key} on creating POSTs: the first request with a key creates, a retry
 * with the same key and the same body gets the id of what was created, a reuse of the key with a
 * different body is a 422. Keys are per principal.
 */
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    private static final String COLLECTION = "idempotency_keys";

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    private final MongoTemplate mongo;

    public Idempotency(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** What a creating request answers with: the resource, and whether this was a replay. */
    public record Created<T>(T value, boolean replayed) {
    }

    /**
     * Creates once per (principal, key): the first request runs {@code create}; a retry with the
     * same key and body answers with what it created, read by {@code findCreated}.
     */
    public <T> Created<T> create(String principal, String key, String fingerprint, Supplier<T> create,
                                 java.util.function.Function<T, String> idOf,
                                 java.util.function.Function<String, T> findCreated) {
        java.util.concurrent.atomic.AtomicReference<T> created = new java.util.concurrent.atomic.AtomicReference<>();
        Outcome outcome = run(principal, key, fingerprint, () -> {
            created.set(create.get());
            return idOf.apply(created.get());
        });
        return outcome.replayed() ? new Created<>(findCreated.apply(outcome.resourceId()), true)
                : new Created<>(created.get(), false);
    }

    /** A stable hash of a request body (stable across restarts, unlike {@code hashCode()}). */
    public static String fingerprint(Object requestBody) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(JSON.writeValueAsBytes(requestBody)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a keyed request produced: the id of the created resource, or that it is still running. */
    public record Outcome(String resourceId, boolean replayed) {
    }

    /**
     * Runs {@code create} once per (principal, key); returns the id it created.
     *
     * @param fingerprint a hash of the request body, to catch a key reused for another request
     */
    public Outcome run(String principal, String key, String fingerprint, Supplier<String> create) {
        if (key == null || key.isBlank()) {
            return new Outcome(create.get(), false);
        }
        if (key.length() > 200) {
            throw ApiException.badRequest("idempotency-key-invalid");
        }
        String id = principal + "|" + key;
        try {
            mongo.insert(new Document("_id", id).append("fingerprint", fingerprint).append("at", Instant.now()), COLLECTION);
        } catch (DuplicateKeyException seen) {
            Document earlier = mongo.findById(id, Document.class, COLLECTION);
            if (earlier == null || !fingerprint.equals(earlier.getString("fingerprint"))) {
                throw ApiException.unprocessable("idempotency-key-reused");
            }
            String resourceId = earlier.getString("resourceId");
            if (resourceId == null) {
                throw ApiException.conflict("idempotency-key-in-progress");
            }
            return new Outcome(resourceId, true);
        }
        String created;
        try {
            created = create.get();
        } catch (RuntimeException e) {
            mongo.remove(Query.query(Criteria.where("_id").is(id)), COLLECTION);
            throw e;
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), Update.update("resourceId", created), COLLECTION);
        return new Outcome(created, false);
    }
}
