package party.organization.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import party.organization.meeting.Period;
import party.platform.events.PendingEvent;
import party.platform.test.TestContracts;

class InspectionTest {

    @Test
    void eachKindTakesItsOwnPeriod() {
        assertThat(InspectionKind.MONTHLY_SPOT_CHECK.fits(Period.parse("2026-03"))).isTrue();
        assertThat(InspectionKind.MONTHLY_SPOT_CHECK.fits(Period.parse("2026-Q1"))).isFalse();
        assertThat(InspectionKind.QUARTERLY_INSPECTION.fits(Period.parse("2026-Q1"))).isTrue();
        assertThat(InspectionKind.QUARTERLY_INSPECTION.fits(Period.parse("2026-03"))).isFalse();
        assertThat(InspectionKind.QUARTERLY_INSPECTION.fits(Period.parse("2026"))).isFalse();
    }

    @Test
    void onlyFindingsThatNeedActionAreRaisedAndTheyFollowTheRecord() {
        Inspection inspection = Inspection.record("branch-1", InspectionKind.QUARTERLY_INSPECTION, Period.parse("2026-Q1"),
                LocalDate.of(2026, 4, 8), "周检查员", null, List.of(
                        new Inspection.NewFinding("2月未召开支委会", FindingCategory.MEETING_MISSING, true, "补开支委会",
                                LocalDate.of(2026, 4, 30)),
                        // A measure given for a finding that needs no action is not kept: nothing would track it.
                        new Inspection.NewFinding("记录不规范", FindingCategory.MINUTES_INCOMPLETE, false, "注意",
                                LocalDate.of(2026, 5, 1)),
                        new Inspection.NewFinding("缺席未注明原因", FindingCategory.ATTENDANCE, true, "补注原因",
                                LocalDate.of(2026, 4, 20))),
                "user-1");

        assertThat(inspection.getFindings()).extracting(Finding::findingId).doesNotHaveDuplicates().doesNotContainNull();
        assertThat(inspection.getFindings().get(1).measure()).isNull();
        assertThat(inspection.getFindings().get(1).deadline()).isNull();
        List<PendingEvent> events = inspection.getPendingEvents();
        assertThat(events).extracting(PendingEvent::type).containsExactly(InspectionEvents.RECORDED,
                InspectionEvents.FINDING_RAISED, InspectionEvents.FINDING_RAISED);
        assertThat(events).extracting(PendingEvent::subject).containsOnly(inspection.getId());
        events.forEach(e -> assertThat(TestContracts.violations(e.type(), e.data())).isEmpty());
        assertThat(events.get(1).data()).contains(inspection.getFindings().get(0).findingId()).contains("2026-04-30");
        assertThat(events.get(2).data()).contains(inspection.getFindings().get(2).findingId());
        assertThat(events.get(0).data()).doesNotContain("周检查员");
    }

    @Test
    void theContractExamplesFitTheirSchemas() {
        for (String type : List.of(InspectionEvents.RECORDED, InspectionEvents.FINDING_RAISED)) {
            assertThat(TestContracts.violations(type, TestContracts.example(type))).isEmpty();
        }
    }
}
