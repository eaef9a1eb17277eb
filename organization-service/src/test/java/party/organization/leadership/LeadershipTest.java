package party.organization.leadership;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import party.platform.events.PendingEvent;

/** The aggregate: a renewal ends one term and starts the next in the same document. */
class LeadershipTest {

    private static final List<Holder> SECRETARY_ONLY = List.of(new Holder(LeadershipRole.SECRETARY, "m1", "张三", false));

    @Test
    void aRenewalEndsTheCurrentTermOnTheElectionDateAndKeepsExactlyOneCurrent() {
        Leadership leadership = Leadership.first("org-1", LocalDate.of(2023, 3, 18), LocalDate.of(2026, 3, 18),
                UnitKind.ENTERPRISE, SECRETARY_ONLY);
        String firstId = leadership.current().orElseThrow().id();

        Term next = leadership.renew(LocalDate.of(2026, 3, 10), LocalDate.of(2029, 3, 10), UnitKind.ENTERPRISE,
                List.of(new Holder(LeadershipRole.SECRETARY, "m2", "李四", true)));

        assertThat(leadership.getTerms()).hasSize(2);
        assertThat(leadership.getTerms().stream().filter(Term::current)).containsExactly(next);
        Term first = leadership.getTerms().getFirst();
        assertThat(first.id()).isEqualTo(firstId);
        assertThat(first.status()).isEqualTo(Term.Status.ENDED);
        assertThat(first.endedOn()).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(next.number()).isEqualTo(2);
        assertThat(leadership.getCurrentEndDate()).isEqualTo(LocalDate.of(2029, 3, 10));
        assertThat(leadership.getOrgId()).isEqualTo("org-1");
    }

    @Test
    void eventsCarryRolesAndMemberIdsButNoNames() {
        Leadership leadership = Leadership.first("org-1", LocalDate.of(2023, 3, 18), LocalDate.of(2026, 3, 18),
                UnitKind.ENTERPRISE, SECRETARY_ONLY);
        leadership.changeHolders(List.of(new Holder(LeadershipRole.SECRETARY, "m1", "张三", true),
                new Holder(LeadershipRole.DEPUTY_SECRETARY, null, "王五", null)));

        List<PendingEvent> events = leadership.getPendingEvents();
        assertThat(events).extracting(PendingEvent::type)
                .containsExactly(Leadership.TERM_STARTED, Leadership.LEADERSHIP_CHANGED);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.subject()).isEqualTo("org-1");
            assertThat(e.data()).doesNotContain("张三").doesNotContain("王五").contains("\"memberId\":\"m1\"");
        });
        assertThat(events.getFirst().data()).contains("\"reason\":\"FIRST\"").contains("\"startDate\":\"2023-03-18\"");
        assertThat(events.get(1).data()).contains("\"role\":\"DEPUTY_SECRETARY\"").contains("\"fullTime\":true");
    }
}
