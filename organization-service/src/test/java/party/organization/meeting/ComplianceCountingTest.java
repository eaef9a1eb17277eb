package party.organization.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import party.platform.web.PageRequest;

/** The counting rules of the compliance report, on data given directly. */
class ComplianceCountingTest {

    private static final ComplianceService SERVICE = new ComplianceService(null, null, null,
            MeetingProperties.defaultRules(), null);
    private static final PageRequest ALL = new PageRequest(0, 100);
    private static final Instant LATER = Instant.parse("2027-06-01T00:00:00Z");

    private static ComplianceService.HeldMeeting held(String org, MeetingType type, String at) {
        return new ComplianceService.HeldMeeting(org, type, Instant.parse(at), null);
    }

    private static ComplianceReport.TypeCompliance type(ComplianceReport.BranchCompliance branch, MeetingType type) {
        return branch.types().stream().filter(t -> t.type() == type).findFirst().orElseThrow();
    }

    @Test
    void aQuarterCountsMonthlyCyclesAndQuarterlyOnes() {
        var branch = new ComplianceService.Branch("b", "支部", "B", List.of("g1", "g2"), true);
        List<ComplianceService.HeldMeeting> held = List.of(
                held("b", MeetingType.THEME_PARTY_DAY, "2026-01-10T02:00:00Z"),
                // Two in March do not make up for February.
                held("b", MeetingType.THEME_PARTY_DAY, "2026-03-01T02:00:00Z"),
                held("b", MeetingType.THEME_PARTY_DAY, "2026-03-20T02:00:00Z"),
                held("b", MeetingType.COMMITTEE_MEETING, "2026-02-05T02:00:00Z"),
                held("g1", MeetingType.GROUP_MEETING, "2026-01-05T02:00:00Z"),
                held("g1", MeetingType.GROUP_MEETING, "2026-02-05T02:00:00Z"),
                held("g1", MeetingType.GROUP_MEETING, "2026-03-05T02:00:00Z"),
                new ComplianceService.HeldMeeting("b", MeetingType.BRANCH_GENERAL_MEETING,
                        Instant.parse("2026-02-01T02:00:00Z"), false),
                held("b", MeetingType.PARTY_LECTURE, "2026-03-31T15:30:00Z"));

        ComplianceReport report = SERVICE.build("b", Period.parse("2026-Q1"), List.of(branch),
                Map.of("g1", "b", "g2", "b"), held, ALL, LATER);

        assertThat(report.complete()).isTrue();
        var row = report.branches().items().getFirst();
        assertThat(row.types()).extracting(ComplianceReport.TypeCompliance::type).containsExactly(
                MeetingType.BRANCH_GENERAL_MEETING, MeetingType.COMMITTEE_MEETING, MeetingType.GROUP_MEETING,
                MeetingType.PARTY_LECTURE, MeetingType.THEME_PARTY_DAY);

        var theme = type(row, MeetingType.THEME_PARTY_DAY);
        assertThat(theme.due()).isEqualTo(3);
        assertThat(theme.held()).isEqualTo(3);
        assertThat(theme.fulfilled()).isEqualTo(2);
        assertThat(theme.missing()).isEqualTo(1);
        assertThat(theme.missingCycles()).containsExactly(new ComplianceReport.Gap("b", "2026-02"));

        var groups = type(row, MeetingType.GROUP_MEETING);
        assertThat(groups.due()).isEqualTo(6);
        assertThat(groups.fulfilled()).isEqualTo(3);
        assertThat(groups.missingCycles()).extracting(ComplianceReport.Gap::orgId).containsOnly("g2");

        var general = type(row, MeetingType.BRANCH_GENERAL_MEETING);
        assertThat(general.held()).isZero();
        assertThat(general.heldWithoutQuorum()).isEqualTo(1);
        assertThat(general.missing()).isEqualTo(1);

        assertThat(type(row, MeetingType.PARTY_LECTURE).fulfilled()).isEqualTo(1);
        assertThat(type(row, MeetingType.COMMITTEE_MEETING).missing()).isEqualTo(2);

        assertThat(row.due()).isEqualTo(1 + 3 + 6 + 1 + 3);
        assertThat(row.missing()).isEqualTo(1 + 2 + 3 + 0 + 1);
        assertThat(report.totals().due()).isEqualTo(row.due());
    }

    @Test
    void aBranchWithoutCommitteeOwesNoCommitteeMeetingsAndAMonthAsksOnlyMonthlyTypes() {
        var small = new ComplianceService.Branch("s", "小支部", "S", List.of(), false);
        ComplianceReport report = SERVICE.build("s", Period.parse("2026-03"), List.of(small), Map.of(),
                List.of(held("s", MeetingType.COMMITTEE_MEETING, "2026-03-03T02:00:00Z")), ALL, LATER);
        var row = report.branches().items().getFirst();
        assertThat(row.types()).extracting(ComplianceReport.TypeCompliance::type).containsExactly(
                MeetingType.COMMITTEE_MEETING, MeetingType.GROUP_MEETING, MeetingType.THEME_PARTY_DAY);
        var committee = type(row, MeetingType.COMMITTEE_MEETING);
        assertThat(committee.due()).isZero();
        assertThat(committee.held()).isEqualTo(1);
        assertThat(committee.missing()).isZero();
        assertThat(type(row, MeetingType.GROUP_MEETING).due()).isZero();
        assertThat(row.due()).isEqualTo(1);
    }

    @Test
    void cyclesNotEndedArePendingNotMissing() {
        var branch = new ComplianceService.Branch("b", "支部", "B", List.of(), false);
        Instant midMay = Instant.parse("2026-05-15T00:00:00Z");
        ComplianceReport report = SERVICE.build("b", Period.parse("2026-Q2"), List.of(branch), Map.of(),
                List.of(), ALL, midMay);
        assertThat(report.complete()).isFalse();
        var theme = type(report.branches().items().getFirst(), MeetingType.THEME_PARTY_DAY);
        assertThat(theme.missingCycles()).containsExactly(new ComplianceReport.Gap("b", "2026-04"));
        assertThat(theme.pending()).isEqualTo(2);
        assertThat(type(report.branches().items().getFirst(), MeetingType.BRANCH_GENERAL_MEETING).pending()).isEqualTo(1);
    }

    @Test
    void totalsSumEveryBranchWhileThePageShowsSome() {
        var a = new ComplianceService.Branch("a", "甲", "A", List.of(), false);
        var b = new ComplianceService.Branch("b", "乙", "B", List.of(), false);
        ComplianceReport report = SERVICE.build("c", Period.parse("2026-03"), List.of(a, b), Map.of(),
                List.of(held("b", MeetingType.THEME_PARTY_DAY, "2026-03-03T02:00:00Z")), new PageRequest(1, 1), LATER);
        assertThat(report.branches().total()).isEqualTo(2);
        assertThat(report.branches().items()).extracting(ComplianceReport.BranchCompliance::orgId).containsExactly("b");
        assertThat(report.totals().branches()).isEqualTo(2);
        assertThat(report.totals().due()).isEqualTo(2);
        assertThat(report.totals().fulfilled()).isEqualTo(1);
        assertThat(report.totals().missing()).isEqualTo(1);
    }
}
