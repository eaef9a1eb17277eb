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

    @Override
    public int getMemory(Document document) {
        // A rough per-entry estimate, as H2's own type makes for serialized objects.
        return 64 + 48 * document.size();
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
