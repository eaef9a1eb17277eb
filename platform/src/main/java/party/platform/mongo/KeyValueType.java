package party.platform.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How an index key ({@link KeyValue}: the indexed values of one document) is ordered and stored in
 * an H2 map. H2's generic type compares objects it does not know by serializing both with Java
 * serialization on every comparison, which made each index lookup of the embedded server cost
 * tens of serializations; here keys compare by MongoDB's own value order, without serializing,
 * and each value is stored with H2's type for it.
 */
final class KeyValueType extends BasicDataType<KeyValue> {

    static final KeyValueType INSTANCE = new KeyValueType();
    private static final ObjectDataType VALUES = new ObjectDataType();

    private KeyValueType() {
    }

    @Override
    public int compare(KeyValue a, KeyValue b) {
        int size = Math.min(a.size(), b.size());
        for (int i = 0; i < size; i++) {
            int c = ValueComparator.asc().compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @Override
    public int getMemory(KeyValue key) {
        int memory = 24;
        for (Object value : key) {
            memory += value == null ? 8 : VALUES.getMemory(value);
        }
        return memory;
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        buffer.putVarInt(key.size());
        for (Object value : key) {
            VALUES.write(buffer, value);
        }
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        int size = DataUtils.readVarInt(buffer);
        List<Object> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(VALUES.read(buffer));
        }
        return new KeyValue(values);
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
