package party.platform.mongo;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * How the embedded server's documents are stored in H2: as BSON, the form they arrived in over
 * the wire, instead of H2's generic Java serialization of the document's object graph, which was
 * the larger part of every write and read of a collection.
 */
final class DocumentType extends BasicDataType<Document> {

    static final DocumentType INSTANCE = new DocumentType();

    private DocumentType() {
    }

    /**
     * The document's size, nested values included. H2 splits a page once its values' memory passes
     * the page size and rewrites a changed page whole at the next commit: with a flat per-field
     * guess a 2 MB document with two fields counted as 160 bytes, so dozens of such documents (a
     * roster import's staging chunks, organizations' member directories) shared one page and every
     * commit re-encoded all of them. Counted truly, a large document gets a page of its own.
     */
    @Override
    public int getMemory(Document document) {
        return (int) Math.min(Integer.MAX_VALUE, estimate(document));
    }

    private static long estimate(Object value) {
        if (value instanceof Document document) {
            long size = 48;
            for (java.util.Map.Entry<String, Object> entry : document.entrySet()) {
                size += 32 + 2L * entry.getKey().length() + estimate(entry.getValue());
            }
            return size;
        }
        if (value instanceof String text) {
            return 40 + 2L * text.length();
        }
        if (value instanceof java.util.Collection<?> values) {
            long size = 32;
            for (Object element : values) {
                size += 8 + estimate(element);
            }
            return size;
        }
        if (value instanceof byte[] bytes) {
            return 24 + bytes.length;
        }
        return 24;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, bson);
            byte[] bytes = new byte[bson.readableBytes()];
            bson.readBytes(bytes);
            buffer.put(bytes);
        } finally {
            bson.release();
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        // A BSON document starts with its own length (little-endian int32, the length included).
        int length = Integer.reverseBytes(buffer.getInt(buffer.position()));
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
