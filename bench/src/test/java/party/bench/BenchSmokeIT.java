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

    @Test
    void aSmallTreeIsImportedQueriedAndMovedIntoEveryProjection(@TempDir Path reports) throws Exception {
        TreeBench.TreeReport report = TreeBench.run(2, 20, reports);

        assertThat(report.organizations()).isEqualTo(2 * 1011 + 1);
        assertThat(report.moved()).isEqualTo(1011);
        assertThat(report.childrenP99()).isPositive();
        assertThat(report.moveEverywhere()).isGreaterThanOrEqualTo(report.moveCall());
        assertThat(Files.readString(report.file())).contains("projections all follow");
    }

    @Test
    void aSmallRegistryIsRegisteredListedCountedAndImported(@TempDir Path reports) throws Exception {
        RegistryBench.RegistryReport report = RegistryBench.run(2, 1_300, 300, reports);

        assertThat(report.failures()).isZero();
        assertThat(report.branches()).isEqualTo(400);
        assertThat(report.members()).isEqualTo(650 + 500);
        assertThat(report.statisticsTotal()).isGreaterThanOrEqualTo(report.members());
        assertThat(report.list().p99()).isGreaterThanOrEqualTo(report.list().p50());
        assertThat(report.importTime()).isPositive();
        assertThat(Files.readString(report.file())).contains("members/s", "roster import of 300 rows");
    }
}
