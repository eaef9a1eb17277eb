package party.platform.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with its documents stored as BSON ({@link DocumentType}) and its
 * unique indexes (the only indexes it has, {@code _id} among them) keyed by {@link KeyValueType}.
 * The maps have their own names ({@code bson:} and {@code kv:} prefixes), so a data folder written
 * by the plain backend still opens: a collection's documents are copied over the first time it is
 * opened, and an index found empty is rebuilt from the collection. Renaming a collection is not
 * supported here (nothing in this system renames one).
 */
final class FastH2Backend extends H2Backend {

    /**
     * @param cacheMegabytes        H2's page cache: what is read often (indexes, recent documents) stays
     *                              deserialized; H2's default is 16 MB
     * @param commitBufferMegabytes changes held before the writing thread stores them itself rather
     *                              than leaving it to the store's background commit (every second).
     *                              H2's 1 MB made a bulk write (a roster import) commit every few
     *                              hundred documents and rewrite the same index pages each time:
     *                              60,000 inserts took 11.6 s of CPU with 1 MB, 7.2 s with 16 MB
     */
    FastH2Backend(String fileName, int cacheMegabytes, int commitBufferMegabytes) {
        // H2's own retention of old chunks (45 s) stays: a longer one made every commit walk the
        // kept chunks' metadata and cost more than the writes. A scan that outlives it (the outbox
        // sweep over a million members) can fail with "Chunk … not found" and is retried.
        super(new MVStore.Builder().fileName(fileName).cacheSize(cacheMegabytes)
                .autoCommitBufferSize(commitBufferMegabytes * 1024).open());
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getMvStore(), getCursorRegistry());
    }

    /** An inner class: the store comes from the backend, since H2Database opens its indexes inside its constructor. */
    private final class Database extends H2Database {

        Database(String name, MVStore store, CursorRegistry cursors) {
            super(name, store, cursors);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collection, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collection);
            MVMap<Object, Document> data = getMvStore().openMap("bson:" + namespace,
                    new MVMap.Builder<Object, Document>().valueType(DocumentType.INSTANCE));
            String legacy = "databases." + namespace;
            if (data.isEmpty() && getMvStore().hasMap(legacy)) {
                MVMap<Object, Document> old = getMvStore().openMap(legacy);
                old.forEach(data::put);
                getMvStore().removeMap(old);
            }
            MVMap<String, Object> meta = getMvStore().openMap("meta." + namespace);
            return new H2Collection(this, collection, options, data, meta, getCursorRegistry());
        }

        private String mapName(String collection, String index) {
            return "kv:" + getDatabaseName() + "." + collection + "._index_" + index;
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collection, String index, List<IndexKey> keys, boolean sparse) {
            MVMap<KeyValue, Object> map = getMvStore().openMap(mapName(collection, index),
                    new MVMap.Builder<KeyValue, Object>().keyType(KeyValueType.INSTANCE));
            return new KeyValueIndex(map, index, keys, sparse);
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String index) {
            super.dropIndex(collection, index);
            getMvStore().removeMap(mapName(collection.getCollectionName(), index));
        }

        @Override
        public void dropCollection(String collection, Oplog oplog) {
            super.dropCollection(collection, oplog);
            removeMaps(mapName(collection, ""));
            removeMaps("bson:" + getFullCollectionNamespace(collection));
        }

        @Override
        public void drop(Oplog oplog) {
            super.drop(oplog);
            removeMaps("kv:" + getDatabaseName() + ".");
            removeMaps("bson:" + getDatabaseName() + ".");
        }

        private void removeMaps(String prefix) {
            for (String map : List.copyOf(getMvStore().getMapNames())) {
                if (map.startsWith(prefix)) {
                    getMvStore().removeMap(map);
                }
            }
        }
    }
}
