package party.training.video;

import com.mongodb.client.MongoCollection;
import java.io.IOException;
import java.io.InputStream;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * A GridFS file's bytes, read one chunk at a time, each chunk by a find of its exact
 * {@code {files_id, n}} (the key of GridFS's unique chunk index). The driver's download stream
 * instead asks for {@code {files_id, n: {$gte: k}}} sorted by {@code n}: the embedded MongoDB
 * server answers that by scanning every chunk of the bucket and holding all matches in memory
 * at once, so a Range request of a 500 MB video read the whole video per request. Memory here is
 * one chunk (255 KB); a seek costs nothing until the next read.
 */
final class GridFsChunkStream extends InputStream {

    private final MongoCollection<Document> chunks;
    private final Object fileId;
    private final long length;
    private final int chunkSize;
    private long position;
    private byte[] chunk;
    private int chunkIndex = -1;

    GridFsChunkStream(MongoCollection<Document> chunks, Object fileId, long length, int chunkSize) {
        this.chunks = chunks;
        this.fileId = fileId;
        this.length = length;
        this.chunkSize = chunkSize;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int max) throws IOException {
        if (max == 0) {
            return 0;
        }
        if (position >= length) {
            return -1;
        }
        int index = (int) (position / chunkSize);
        if (index != chunkIndex) {
            chunk = load(index);
            chunkIndex = index;
        }
        int from = (int) (position % chunkSize);
        int count = (int) Math.min(Math.min(max, chunk.length - from), length - position);
        if (count <= 0) {
            throw new IOException("GridFS chunk " + index + " of file " + fileId + " is shorter than expected");
        }
        System.arraycopy(chunk, from, buffer, offset, count);
        position += count;
        return count;
    }

    @Override
    public long skip(long n) {
        long skipped = Math.max(0, Math.min(n, length - position));
        position += skipped;
        return skipped;
    }

    @Override
    public int available() {
        return chunkIndex >= 0 && position < length && position / chunkSize == chunkIndex
                ? (int) Math.min(chunk.length - position % chunkSize, length - position) : 0;
    }

    private byte[] load(int index) throws IOException {
        // Key order as in the index {files_id: 1, n: 1}.
        Document found = chunks.find(new Document("files_id", fileId).append("n", index)).first();
        if (found == null) {
            throw new IOException("GridFS chunk " + index + " of file " + fileId + " is missing");
        }
        return found.get("data", Binary.class).getData();
    }
}
