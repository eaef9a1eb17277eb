package party.platform.mongo;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.QueryMapper;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Existence checks as a {@code find} of one {@code _id}. {@link MongoTemplate#exists} runs an
 * aggregation, which the embedded MongoDB-wire server answers by scanning the whole collection even
 * when a unique index matches the filter; a find uses the index there as on a real MongoDB.
 */
public final class Finds {

    private Finds() {
    }

    /** Whether any document of {@code type}'s collection matches {@code query} (mapped like the template maps it). */
    public static boolean any(MongoTemplate mongo, Query query, Class<?> type) {
        Document filter = new QueryMapper(mongo.getConverter()).getMappedObject(query.getQueryObject(),
                mongo.getConverter().getMappingContext().getPersistentEntity(type));
        return any(mongo, filter, mongo.getCollectionName(type));
    }

    /** Whether any document of {@code collection} matches {@code query}. */
    public static boolean any(MongoTemplate mongo, Query query, String collection) {
        Document filter = new QueryMapper(mongo.getConverter()).getMappedObject(query.getQueryObject(), java.util.Optional.empty());
        return any(mongo, filter, collection);
    }

    private static boolean any(MongoTemplate mongo, Document filter, String collection) {
        return mongo.getCollection(collection).find(filter).projection(new Document("_id", 1)).limit(1).first() != null;
    }
}
