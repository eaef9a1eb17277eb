package party.platform.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone stack's persistent embedded MongoDB with {@link FastH2Backend}: unique indexes
 * work and survive restarts, and a data folder written by the plain H2 backend opens with its
 * indexes rebuilt.
 */
class FastH2BackendIT {

    @Test
    void uniqueIndexesFindRefuseAndSurviveARestart(@TempDir Path dir) {
        try (EmbeddedMongo mongo = EmbeddedMongo.persistent(dir, "127.0.0.1", 0); MongoClient client = MongoClients.create(mongo.uri("t"))) {
            MongoCollection<Document> members = members(client);
            members.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true));
            members.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true));
            insert(members, 0, 2_000);
            assertThat(members.find(Filters.eq("code", "c-1234")).first().getString("_id")).isEqualTo("m-1234");
            assertThat(members.find(Filters.and(Filters.eq("_id", "m-77"), Filters.eq("version", 77L))).first()).isNotNull();
            assertDuplicateRefused(members);
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.persistent(dir, "127.0.0.1", 0); MongoClient client = MongoClients.create(mongo.uri("t"))) {
            MongoCollection<Document> members = members(client);
            assertThat(members.find(Filters.eq("_id", "m-1999")).first().getString("code")).isEqualTo("c-1999");
            assertThat(members.find(Filters.in("code", List.of("c-1", "c-2", "c-x"))).into(new ArrayList<>())).hasSize(2);
            assertDuplicateRefused(members);

            members.drop();
            insert(members, 0, 10);
            assertThat(members.countDocuments()).isEqualTo(10);
        }
    }

    @Test
    void aDataFolderOfThePlainBackendOpensWithItsIndexesRebuilt(@TempDir Path dir) {
        MongoServer plain = new MongoServer(new H2Backend(dir.resolve("mongo.mv").toString()));
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + plain.bind().getPort() + "/t")) {
            MongoCollection<Document> members = members(client);
            members.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true));
            insert(members, 0, 500);
        } finally {
            plain.shutdownNow();
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.persistent(dir, "127.0.0.1", 0); MongoClient client = MongoClients.create(mongo.uri("t"))) {
            MongoCollection<Document> members = members(client);
            assertThat(members.find(Filters.eq("code", "c-499")).first().getString("_id")).isEqualTo("m-499");
            assertThat(members.find(Filters.eq("_id", "m-3")).first()).isNotNull();
            assertDuplicateRefused(members);
        }
    }

    private static MongoCollection<Document> members(MongoClient client) {
        return client.getDatabase("t").getCollection("members");
    }

    private static void insert(MongoCollection<Document> members, int from, int to) {
        List<Document> docs = new ArrayList<>();
        for (int i = from; i < to; i++) {
            docs.add(new Document("_id", "m-" + i).append("code", "c-" + i).append("version", (long) i));
        }
        members.insertMany(docs);
    }

    private static void assertDuplicateRefused(MongoCollection<Document> members) {
        assertThatThrownBy(() -> members.insertOne(new Document("_id", "other").append("code", "c-1")))
                .isInstanceOfSatisfying(MongoWriteException.class,
                        e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
        assertThatThrownBy(() -> members.insertOne(new Document("_id", "m-1").append("code", "fresh")))
                .isInstanceOf(MongoWriteException.class);
    }
}
