package party.organization.leadership;

import static org.assertj.core.api.Assertions.assertThatCode;
import static party.organization.leadership.LeadershipRole.COMMITTEE_MEMBER;
import static party.organization.leadership.LeadershipRole.DEPUTY_SECRETARY;
import static party.organization.leadership.LeadershipRole.DISCIPLINE_COMMISSIONER;
import static party.organization.leadership.LeadershipRole.ORGANIZATION_COMMISSIONER;
import static party.organization.leadership.LeadershipRole.PUBLICITY_COMMISSIONER;
import static party.organization.leadership.LeadershipRole.SECRETARY;
import static party.organization.leadership.TermCalendarTest.assertSlug;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CommitteeRulesTest {

    private final CommitteeRules rules = new CommitteeRules(LeadershipProperties.defaults());
    private static final CommitteeRules.Roster UNKNOWN = CommitteeRules.Roster.UNKNOWN;

    @Test
    void aSmallBranchHasASecretaryAndMaybeADeputyButNoCommittee() {
        assertThatCode(() -> rules.check(List.of(h(SECRETARY, "m1", false)), UNKNOWN)).doesNotThrowAnyException();
        assertThatCode(() -> rules.check(List.of(h(SECRETARY, "m1", true), h(DEPUTY_SECRETARY, "m2", null)),
                roster(5, "m1", "m2"))).doesNotThrowAnyException();
        // Secretary and deputy alone are no committee, so no size rule applies to them.
        assertThatCode(() -> rules.check(List.of(h(DEPUTY_SECRETARY, "m2", null)), roster(3, "m2")))
                .doesNotThrowAnyException();
    }

    @Test
    void atMostOneSecretaryDeputyAndCommissionerOfEachKind() {
        assertSlug(() -> rules.check(List.of(h(SECRETARY, "m1", true), h(SECRETARY, "m2", false)), UNKNOWN),
                "leadership-role-taken");
        assertSlug(() -> rules.check(List.of(h(DEPUTY_SECRETARY, "m1", null), h(DEPUTY_SECRETARY, "m2", null)), UNKNOWN),
                "leadership-role-taken");
        assertSlug(() -> rules.check(committee(h(ORGANIZATION_COMMISSIONER, "m9", null)), UNKNOWN),
                "leadership-role-taken");
        assertSlug(() -> rules.check(List.of(h(SECRETARY, "m1", true), h(COMMITTEE_MEMBER, "m2", null),
                h(COMMITTEE_MEMBER, "m2", null)), UNKNOWN), "leadership-duplicate-holder");
        assertThatCode(() -> rules.check(List.of(h(SECRETARY, "m1", true), h(COMMITTEE_MEMBER, "m2", null),
                h(COMMITTEE_MEMBER, "m3", null)), UNKNOWN)).doesNotThrowAnyException();
    }

    @Test
    void theFullTimeFlagIsGivenForTheSecretaryAndOnlyForHim() {
        assertSlug(() -> rules.check(List.of(h(SECRETARY, "m1", null)), UNKNOWN), "leadership-full-time-flag");
        assertSlug(() -> rules.check(List.of(h(SECRETARY, "m1", true), h(DEPUTY_SECRETARY, "m2", false)), UNKNOWN),
                "leadership-full-time-flag");
    }

    @Test
    void aCommitteeHasThreeToSevenPersonsCountingAPersonWithTwoRolesOnce() {
        assertSlug(() -> rules.check(List.of(h(SECRETARY, "m1", true), h(ORGANIZATION_COMMISSIONER, "m2", null)), UNKNOWN),
                "leadership-committee-size");
        // The secretary doubles as discipline commissioner: still two persons.
        assertSlug(() -> rules.check(List.of(h(SECRETARY, "m1", true), h(DISCIPLINE_COMMISSIONER, "m1", null),
                h(ORGANIZATION_COMMISSIONER, "m2", null)), UNKNOWN), "leadership-committee-size");
        assertThatCode(() -> rules.check(List.of(h(SECRETARY, "m1", true), h(DISCIPLINE_COMMISSIONER, "m1", null),
                h(ORGANIZATION_COMMISSIONER, "m2", null), h(PUBLICITY_COMMISSIONER, "m3", null)), UNKNOWN))
                .doesNotThrowAnyException();
        // Holders without a member id count by name.
        assertThatCode(() -> rules.check(List.of(new Holder(SECRETARY, null, "张三", true),
                new Holder(ORGANIZATION_COMMISSIONER, null, "李四", null),
                new Holder(PUBLICITY_COMMISSIONER, null, "王五", null)), UNKNOWN)).doesNotThrowAnyException();

        List<Holder> seven = IntStream.rangeClosed(1, 6).mapToObj(i -> h(COMMITTEE_MEMBER, "c" + i, null))
                .collect(Collectors.toList());
        seven.add(h(SECRETARY, "m1", false));
        assertThatCode(() -> rules.check(seven, UNKNOWN)).doesNotThrowAnyException();
        List<Holder> eight = new java.util.ArrayList<>(seven);
        eight.add(h(COMMITTEE_MEMBER, "c7", null));
        assertSlug(() -> rules.check(eight, UNKNOWN), "leadership-committee-size");
    }

    @Test
    void aCommitteeNeedsSevenFullMembersWhenTheRosterIsKnown() {
        List<Holder> three = committee();
        assertSlug(() -> rules.check(three, roster(6, "m1", "m2", "m3")), "leadership-committee-too-few-members");
        assertThatCode(() -> rules.check(three, roster(7, "m1", "m2", "m3"))).doesNotThrowAnyException();
        assertThatCode(() -> rules.check(three, UNKNOWN)).doesNotThrowAnyException();
    }

    @Test
    void holdersWithAMemberIdMustBeOnAKnownRoster() {
        assertSlug(() -> rules.check(List.of(h(SECRETARY, "stranger", true)), roster(3, "m1", "m2")),
                "leadership-holder-not-on-roster");
        assertThatCode(() -> rules.check(List.of(new Holder(SECRETARY, null, "外聘书记", true)), roster(3, "m1")))
                .doesNotThrowAnyException();
    }

    private static List<Holder> committee(Holder... more) {
        List<Holder> holders = new java.util.ArrayList<>(List.of(h(SECRETARY, "m1", true),
                h(ORGANIZATION_COMMISSIONER, "m2", null), h(PUBLICITY_COMMISSIONER, "m3", null)));
        holders.addAll(List.of(more));
        return holders;
    }

    private static Holder h(LeadershipRole role, String memberId, Boolean fullTime) {
        return new Holder(role, memberId, "name-" + memberId, fullTime);
    }

    private static CommitteeRules.Roster roster(long fullMembers, String... ids) {
        return new CommitteeRules.Roster(Set.of(ids), fullMembers);
    }
}
