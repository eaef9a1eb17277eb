package party.training.video;

import com.mongodb.client.MongoCollection;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * A GridFS file's bytes from {@code position} up to {@code end}, read one chunk at a time, each
 * chunk by a find of its exact {@code {files_id, n}} (the key of GridFS's unique chunk index). The
 * driver's download stream instead asks for {@code {files_id, n: {$gte: k}}} sorted by {@code n}:
 * the embedded MongoDB server answers that by scanning every chunk of the bucket and holding all
 * matches in memory at once, so a Range request of a 500 MB video read the whole video per request.
 * Memory here is one chunk; no chunk past {@code end} is read.
 *
 * <p>Reading the next chunk ahead on another thread while the current one is written was tried
 * and measured (bench {@code --scenario=training}): on the 2-core machine, where the stack and
 * the load generator already keep both cores busy, it streamed no faster and cost more CPU per
 * MB (a thread hand-off per chunk), so chunks are read when needed.
 */
final class GridFsChunkStream extends InputStream {

    private final MongoCollection<Document> chunks;
    private final Object fileId;
    private final long end;
    private final int chunkSize;
    private long position;
    private byte[] chunk;
    private int chunkIndex = -1;

    /**
     * @param length the file's length
     * @param start  where reading starts
     * @param end    where reading stops (exclusive; at most {@code length})
     */
    GridFsChunkStream(MongoCollection<Document> chunks, Object fileId, long length, int chunkSize, long start, long end) {
        if (start < 0 || end > length || start > end || chunkSize <= 0) {
            throw new IllegalArgumentException("bytes " + start + "-" + end + " of " + length + " in chunks of " + chunkSize);
        }
        this.chunks = chunks;
        this.fileId = fileId;
        this.end = end;
        this.chunkSize = chunkSize;
        this.position = start;
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
        int count = current(max);
        if (count < 0) {
            return -1;
        }
        System.arraycopy(chunk, (int) (position % chunkSize), buffer, offset, count);
        position += count;
        return count;
    }

    /**
     * Writes the rest (up to {@code end}) to {@code out} straight from each chunk's array, a whole
     * chunk per write where the range allows, instead of copying it through a buffer of the
     * caller's in pieces.
     */
    @Override
    public long transferTo(OutputStream out) throws IOException {
        long written = 0;
        int count;
        while ((count = current(Integer.MAX_VALUE)) > 0) {
            out.write(chunk, (int) (position % chunkSize), count);
            position += count;
            written += count;
        }
        return written;
    }

    @Override
    public long skip(long n) {
        long skipped = Math.max(0, Math.min(n, end - position));
        position += skipped;
        return skipped;
    }

    @Override
    public int available() {
        return chunkIndex >= 0 && position < end && position / chunkSize == chunkIndex
                ? (int) Math.min(chunk.length - position % chunkSize, end - position) : 0;
    }

    @Override
    public void close() {
        chunk = null;
        chunkIndex = -1;
    }

    /** Chunks this stream holds now (tests check the bound). */
    int chunksHeld() {
        return chunk == null ? 0 : 1;
    }

    /** Bytes of the chunk at the position, at most {@code max}, loading it if needed; -1 at the end. */
    private int current(int max) throws IOException {
        if (position >= end) {
            return -1;
        }
        int index = (int) (position / chunkSize);
        if (index != chunkIndex) {
            chunk = load(index);
            chunkIndex = index;
        }
        int from = (int) (position % chunkSize);
        int count = (int) Math.min(Math.min(max, chunk.length - from), end - position);
        if (count <= 0) {
            throw new IOException("GridFS chunk " + index + " of file " + fileId + " is shorter than expected");
        }
        return count;
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
