package party.platform.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import party.platform.test.TestContracts;

/**
 * Every event type in {@code contracts/} comes as a schema and an example, its example is valid,
 * and {@code docs/events.md} lists it: the catalogue integrators read cannot fall behind.
 */
class ContractsCatalogueTest {

    @Test
    void everyContractHasAValidExampleAndARowInTheCatalogue() throws IOException {
        Path contracts = TestContracts.folder();
        String catalogue = Files.readString(contracts.getParent().resolve("docs").resolve("events.md"));
        List<String> types;
        try (Stream<Path> files = Files.list(contracts)) {
            types = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".schema.json"))
                    .map(n -> n.substring(0, n.length() - ".schema.json".length())).sorted().toList();
        }
        assertThat(types).isNotEmpty();
        for (String type : types) {
            assertThat(contracts.resolve(type + ".example.json")).as(type + " example").exists();
            assertThat(TestContracts.violations(type, TestContracts.example(type))).as(type + " example").isEmpty();
            assertThat(catalogue).as("docs/events.md lists " + type).contains("[`" + type + "`]");
        }
    }
}
