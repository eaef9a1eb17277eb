package party.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StandaloneOptionsTest {

    @Test
    void defaultsAreTheDocumentedPorts() {
        StandaloneOptions options = StandaloneOptions.fromArgs();
        assertThat(options.gatewayUrl()).isEqualTo("http://localhost:8080");
        assertThat(options.issuer()).isEqualTo("http://localhost:9000");
        assertThat(options.kafkaBootstrapServers()).isEqualTo("localhost:9092");
        assertThat(options.mongoPort()).isEqualTo(27027);
        assertThat(options.demoData()).isTrue();
    }

    @Test
    void readsTheDataDirectoryAndDemoSwitch() {
        assertThat(StandaloneOptions.fromArgs("--data-dir", "/tmp/x").dataDir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(StandaloneOptions.fromArgs("--data-dir=/tmp/y", "--no-demo-data"))
                .satisfies(o -> {
                    assertThat(o.dataDir()).isEqualTo(Path.of("/tmp/y"));
                    assertThat(o.demoData()).isFalse();
                });
        assertThatThrownBy(() -> StandaloneOptions.fromArgs("--bogus")).hasMessageContaining("usage");
    }
}
