package party.platform.test;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event catalogue in {@code contracts/}: producers validate what they publish against the
 * schema, consumers read the example.
 */
public final class TestContracts {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private TestContracts() {
    }

    /** The contracts folder, found from a module's working directory. */
    public static Path folder() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("contracts"))) {
                return dir.resolve("contracts");
            }
        }
        throw new IllegalStateException("no contracts/ folder above " + here);
    }

    /** Validation errors of a JSON body against the schema of an event type; empty when valid. */
    public static List<String> violations(String eventType, String json) {
        Schema schema = SCHEMAS.getSchema(read(eventType + ".schema.json"));
        return schema.validate(JSON.readTree(json)).stream().map(Error::toString).toList();
    }

    /** The example body of an event type. */
    public static String example(String eventType) {
        return read(eventType + ".example.json");
    }

    private static String read(String file) {
        try {
            return Files.readString(folder().resolve(file));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read contract " + file, e);
        }
    }
}
