package party.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small run of the bench in every build, so the harness cannot rot. */
class BenchSmokeIT {

    @Test
    void aSmallRunRegistersEveryMemberAndWritesItsReport(@TempDir Path reports) throws Exception {
        Report report = Bench.run(new BenchOptions(20, 2, 3, reports));

        assertThat(report.failures()).isZero();
        assertThat(report.registrationsPerSecond()).isPositive();
        assertThat(report.p99Millis()).isGreaterThanOrEqualTo(report.p50Millis());
        assertThat(report.eventP50Millis()).isPositive().isLessThan(10_000);
        assertThat(report.residentMegabytes()).isPositive();
        assertThat(Files.readString(report.file())).contains("registrations/s", "event latency");
    }
}
