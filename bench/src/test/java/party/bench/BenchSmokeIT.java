package party.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import party.standalone.RunningStack;

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

    /** Both scenarios on one stack, to spare the build a third start: each measures only what it sends. */
    @Test
    void smallTrainingAndAssessmentRunsMeetTheirChecks(@TempDir Path reports) throws Exception {
        try (RunningStack stack = TrainingBench.start("party-smoke-bench")) {
            TrainingBench.TrainingReport training = TrainingBench.runOn(stack, 50, 4, Duration.ofSeconds(3), 50, 1, reports);
            System.out.println(training.markdown());

            assertThat(training.members()).isEqualTo(50);
            assertThat(training.heartbeats()).isPositive();
            assertThat(training.heartbeatFailures()).isZero();
            assertThat(training.heartbeatsPerSecond()).isPositive();
            assertThat(training.heartbeat().p99()).isGreaterThanOrEqualTo(training.heartbeat().p50());
            assertThat(training.progressFailures()).isZero();
            assertThat(training.progress().calls()).isEqualTo(50);
            assertThat(training.progressUnderLoad().calls()).isPositive();
            assertThat(training.cpuMsPerHeartbeat()).isPositive();
            assertThat(training.stackCpuMsPerHeartbeat()).isPositive().isLessThan(training.cpuMsPerHeartbeat());
            assertThat(training.cpuMsByPart().get(TrainingBench.TRAINING)).isPositive();
            assertThat(training.cpuMsByPart().get(TrainingBench.GATEWAY)).isPositive();
            assertThat(training.pacedHeartbeat().calls()).isPositive();
            assertThat(training.pacedFailures()).isZero();
            assertThat(training.progressPaced().calls()).isPositive();
            assertThat(training.seeks().calls()).isEqualTo(20);
            assertThat(training.streamFailures()).isZero();
            assertThat(training.bytesMatch()).isTrue();
            assertThat(training.ranges()).isEqualTo(4);
            assertThat(training.rangeMBps()).isPositive();
            assertThat(training.fullGetMBps()).isPositive();
            assertThat(training.openRangeMBps()).isPositive();
            // Streams after the first are sent from training-service's local copy of the video, cold too.
            assertThat(training.localCopy().fromCopy()).isPositive();
            assertThat(training.localCopy().failures()).isZero();
            assertThat(Files.readString(training.file())).contains("heartbeat throughput", "Range reads");

            AssessmentBench.AssessmentReport assessment = AssessmentBench.runOn(stack, 200, reports);
            System.out.println(assessment.markdown());

            assertThat(assessment.converged()).isTrue();
            assertThat(assessment.replayUnchanged()).isTrue();
            assertThat(assessment.byType().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(200);
            assertThat(assessment.byType()).containsKeys("party.member.registered.v1", "party.member.dues-billed.v1",
                    "party.member.dues-paid.v1", "party.organization.meeting-held.v1", "party.training.credit-recorded.v1");
            assertThat(Files.readString(assessment.file())).contains("every affected score current", "views unchanged");
        }
    }
}
