package party.training.video;

import java.io.InputStream;
import java.util.List;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;

/**
 * Where video bytes live: the GridFS bucket, reached through a MongoDB client of its own. It is
 * configured like the application's client (Boot's settings and every customizer: connection
 * string, pool and its metrics) except that it has no command listener. With a listener the driver
 * copies each command and each reply for its events, so every 1 MiB chunk uploaded or streamed was
 * copied several times more for a command timer that says nothing {@code http.server.requests}
 * does not (measured: a fifth of training-service's CPU per MB streamed).
 */
@Component
class VideoStore implements AutoCloseable {

    static final String BUCKET = "video_files";

    private final MongoClient client;
    private final GridFSBucket bucket;
    private final MongoCollection<Document> files;
    private final MongoCollection<Document> chunks;

    VideoStore(MongoClientSettings settings, ObjectProvider<MongoClientSettingsBuilderCustomizer> customizers,
               MongoTemplate mongo) {
        MongoClientSettings.Builder builder = MongoClientSettings.builder(settings);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        this.client = MongoClients.create(builder.commandListenerList(List.of()).build());
        var database = client.getDatabase(mongo.getDb().getName());
        this.bucket = GridFSBuckets.create(database, BUCKET);
        this.files = database.getCollection(BUCKET + ".files");
        this.chunks = database.getCollection(BUCKET + ".chunks");
    }

    GridFSBucket bucket() {
        return bucket;
    }

    /** A stored file's length and the chunk size it was stored with (earlier uploads have 255 KiB chunks). */
    record StoredFile(ObjectId id, long length, int chunkSize) {
    }

    /** The stored file {@code id}, or null when there is none. */
    StoredFile find(ObjectId id) {
        Document file = files.find(new Document("_id", id)).first();
        return file == null ? null : new StoredFile(id, ((Number) file.get("length")).longValue(),
                ((Number) file.get("chunkSize")).intValue());
    }

    /**
     * The file's bytes from {@code start}, {@code length} of them (fewer at the end of the file),
     * read chunk by chunk ({@link GridFsChunkStream}).
     */
    InputStream open(StoredFile file, long start, long length) {
        return new GridFsChunkStream(chunks, file.id(), file.length(), file.chunkSize(), start,
                Math.min(file.length(), start + length));
    }

    @Override
    public void close() {
        client.close();
    }
}
