package party.training.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import party.platform.mongo.EmbeddedMongo;

/**
 * The chunk stream against the embedded MongoDB: exact bytes for ranges that start, end and cross
 * chunk boundaries, for both chunk sizes in use (255 KiB of older uploads, 1 MiB of new ones);
 * whole chunks written straight to the response; no chunk past the range's end read; one held.
 */
class GridFsChunkStreamTest {

    private static EmbeddedMongo server;
    private static MongoClient client;
    private static MongoDatabase db;

    @BeforeAll
    static void start() {
        server = EmbeddedMongo.inMemory();
        client = MongoClients.create(server.uri("chunks"));
        db = client.getDatabase("chunks");
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private record Stored(ObjectId id, byte[] data, int chunkSize) {
    }

    private static Stored store(int size, int chunkSize) {
        byte[] data = new byte[size];
        new Random(size + chunkSize).nextBytes(data);
        ObjectId id = GridFSBuckets.create(db, "videos").uploadFromStream("v", new ByteArrayInputStream(data),
                new GridFSUploadOptions().chunkSizeBytes(chunkSize));
        return new Stored(id, data, chunkSize);
    }

    private static MongoCollection<Document> chunks() {
        return db.getCollection("videos.chunks");
    }

    private static GridFsChunkStream open(Stored file, long start, long end) {
        return new GridFsChunkStream(chunks(), file.id(), file.data().length, file.chunkSize(), start, end);
    }

    @Test
    void rangesAroundAndAcrossChunkBoundariesAreExact() throws IOException {
        for (int chunkSize : new int[] {255 * 1024, 1024 * 1024}) {
            Stored file = store(3 * chunkSize + 12_345, chunkSize);
            long c = chunkSize;
            long length = file.data().length;
            long[][] ranges = {{0, length}, {0, 1}, {c - 1, c + 1}, {c, 2 * c}, {c - 100, 3 * c + 100}, {2 * c + 7, length},
                    {length - 1, length}, {17, 17}};
            for (long[] range : ranges) {
                byte[] expected = Arrays.copyOfRange(file.data(), (int) range[0], (int) range[1]);
                ByteArrayOutputStream written = new ByteArrayOutputStream();
                try (GridFsChunkStream in = open(file, range[0], range[1])) {
                    assertThat(in.transferTo(written)).isEqualTo(expected.length);
                }
                assertThat(written.toByteArray()).as("chunks of %d, bytes %d-%d", chunkSize, range[0], range[1])
                        .isEqualTo(expected);
                try (GridFsChunkStream in = open(file, range[0], range[1])) {
                    assertThat(in.readAllBytes()).isEqualTo(expected);
                    assertThat(in.read()).isEqualTo(-1);
                }
            }
        }
    }

    @Test
    void aRangeIsWrittenAWholeChunkAtATimeHoldingOneChunk() throws IOException {
        int chunkSize = 4096;
        Stored file = store(10 * chunkSize, chunkSize);
        List<Integer> held = new ArrayList<>();
        List<Integer> writes = new ArrayList<>();
        try (GridFsChunkStream in = open(file, 2 * chunkSize - 10, 6 * chunkSize - 1)) {
            in.transferTo(new OutputStream() {
                @Override
                public void write(int b) {
                    throw new AssertionError("one byte at a time");
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    held.add(in.chunksHeld());
                    writes.add(len);
                }
            });
        }
        // The tail of chunk 1, chunks 2 to 4 whole, chunk 5 up to the range's end; nothing of chunk 6.
        assertThat(writes).containsExactly(10, chunkSize, chunkSize, chunkSize, chunkSize - 1);
        assertThat(held).containsOnly(1);
    }

    @Test
    void noChunkBeyondTheRangeIsRead() throws IOException {
        int chunkSize = 2048;
        Stored file = store(4 * chunkSize, chunkSize);
        // Chunk 2 is gone: a range ending where it begins never asks for it; one reaching into it fails.
        chunks().deleteOne(new Document("files_id", file.id()).append("n", 2));
        try (GridFsChunkStream in = open(file, 0, 2L * chunkSize)) {
            assertThat(in.transferTo(OutputStream.nullOutputStream())).isEqualTo(2L * chunkSize);
        }
        assertThatThrownBy(() -> {
            try (GridFsChunkStream in = open(file, 0, 2L * chunkSize + 1)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
        }).isInstanceOf(IOException.class).hasMessageContaining("chunk 2").hasMessageContaining("missing");
    }
}
