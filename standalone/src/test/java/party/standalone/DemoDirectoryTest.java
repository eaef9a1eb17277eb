package party.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void resolvesKnownKeysInOrderAndSkipsUnknownOnes() {
        DemoDirectory directory = new DemoDirectory();
        directory.record(DemoDirectory.BRANCH_1, "b1");
        directory.record(DemoDirectory.COMMITTEE, "c");

        assertThat(directory.ids(List.of(DemoDirectory.COMMITTEE, DemoDirectory.BRANCH_2, DemoDirectory.BRANCH_1)))
                .containsExactly("c", "b1");
        assertThat(directory.require(DemoDirectory.COMMITTEE)).isEqualTo("c");
        assertThatThrownBy(() -> directory.require(DemoDirectory.GROUP)).hasMessageContaining("group");
    }

    @Test
    void keepsIdsForTheNextRun() {
        Path file = dir.resolve("demo").resolve("organizations.properties");
        DemoDirectory first = new DemoDirectory();
        first.record(DemoDirectory.COMMITTEE, "c-1");
        first.record(DemoDirectory.GROUP, "g-1");
        first.save(file);

        DemoDirectory next = new DemoDirectory();
        next.load(file);
        next.load(dir.resolve("missing.properties"));

        assertThat(next.all()).containsExactlyEntriesOf(first.all());
    }
}
