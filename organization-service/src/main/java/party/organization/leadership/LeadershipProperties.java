package party.organization.leadership;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Local rules of leadership and terms, under {@code party.organization.leadership}.
 *
 * @param enterpriseTermYears term length of an enterprise or institution organization (default 3)
 * @param villageTermYears term length of a village unit's organization (default 5)
 * @param communityTermYears term length of a community unit's organization (default 5)
 * @param committeeMinSize fewest persons on a committee (default 3)
 * @param committeeMaxSize most persons on a committee (default 7; 3–5 is usual)
 * @param committeeMinFullMembers full members a branch needs before it may have a committee (default 7);
 *        checked against the roster kept from member events
 * @param maxWithinDays the widest window {@code withinDays} may ask for in the expiring list (default 3650)
 */
@ConfigurationProperties("party.organization.leadership")
public record LeadershipProperties(int enterpriseTermYears, int villageTermYears, int communityTermYears,
                                   int committeeMinSize, int committeeMaxSize, int committeeMinFullMembers,
                                   int maxWithinDays) {

    public LeadershipProperties {
        enterpriseTermYears = enterpriseTermYears <= 0 ? 3 : enterpriseTermYears;
        villageTermYears = villageTermYears <= 0 ? 5 : villageTermYears;
        communityTermYears = communityTermYears <= 0 ? 5 : communityTermYears;
        committeeMinSize = committeeMinSize <= 0 ? 3 : committeeMinSize;
        committeeMaxSize = committeeMaxSize <= 0 ? 7 : committeeMaxSize;
        committeeMinFullMembers = committeeMinFullMembers <= 0 ? 7 : committeeMinFullMembers;
        maxWithinDays = maxWithinDays <= 0 ? 3650 : maxWithinDays;
        if (committeeMinSize > committeeMaxSize) {
            throw new IllegalArgumentException("party.organization.leadership.committee-min-size exceeds committee-max-size");
        }
    }

    /** The defaults, for code and tests that run without Spring. */
    public static LeadershipProperties defaults() {
        return new LeadershipProperties(0, 0, 0, 0, 0, 0, 0);
    }

    public int termYears(UnitKind kind) {
        return switch (kind) {
            case ENTERPRISE -> enterpriseTermYears;
            case VILLAGE -> villageTermYears;
            case COMMUNITY -> communityTermYears;
        };
    }
}
