package party.organization.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static party.organization.organization.OrganizationType.BRANCH;
import static party.organization.organization.OrganizationType.COMMITTEE;
import static party.organization.organization.OrganizationType.GENERAL_BRANCH;
import static party.organization.organization.OrganizationType.GROUP;

import org.junit.jupiter.api.Test;

class OrganizationTypeTest {

    @Test
    void placementFollowsTheRegulations() {
        assertThat(COMMITTEE.mayStandUnder(null)).isTrue();
        assertThat(COMMITTEE.mayStandUnder(COMMITTEE)).isTrue();
        assertThat(COMMITTEE.mayStandUnder(BRANCH)).isFalse();
        assertThat(GENERAL_BRANCH.mayStandUnder(COMMITTEE)).isTrue();
        assertThat(GENERAL_BRANCH.mayStandUnder(null)).isFalse();
        assertThat(BRANCH.mayStandUnder(COMMITTEE)).isTrue();
        assertThat(BRANCH.mayStandUnder(GENERAL_BRANCH)).isTrue();
        assertThat(BRANCH.mayStandUnder(BRANCH)).isFalse();
        assertThat(BRANCH.mayStandUnder(null)).isFalse();
        assertThat(GROUP.mayStandUnder(BRANCH)).isTrue();
        assertThat(GROUP.mayStandUnder(COMMITTEE)).isFalse();
        assertThat(GROUP.mayStandUnder(GENERAL_BRANCH)).isFalse();
    }
}
