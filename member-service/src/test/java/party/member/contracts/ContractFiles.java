package party.member.contracts;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The event catalogue in {@code contracts/} at the repository root, read from this module's folder. */
public final class ContractFiles {

    public static final Path FOLDER = Path.of("..", "contracts");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private ContractFiles() {
    }

    public static JsonNode example(String type) {
        return read(FOLDER.resolve(type + ".example.json"));
    }

    public static Schema schema(String type) {
        return REGISTRY.getSchema(read(FOLDER.resolve(type + ".schema.json")));
    }

    /** Validation errors, with {@code format} asserted (2020-12 only annotates it by default). */
    public static List<Error> validate(String type, JsonNode data) {
        return schema(type).validate(data, context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
    }

    public static JsonNode parse(String json) {
        return JSON.readTree(json);
    }

    private static JsonNode read(Path path) {
        try {
            return JSON.readTree(Files.readString(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read contract " + path.toAbsolutePath().normalize(), e);
        }
    }
}
