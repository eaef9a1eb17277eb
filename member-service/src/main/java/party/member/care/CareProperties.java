package party.member.care;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who counts as an old member to visit (local rules, so configurable).
 *
 * @param oldMemberStandingYears years of Party standing from which a full member is an old member (default 50)
 * @param oldMemberAge age from which a member is an old member whatever the standing (default 80)
 */
@ConfigurationProperties("party.member.care")
public record CareProperties(Integer oldMemberStandingYears, Integer oldMemberAge) {

    public CareProperties {
        oldMemberStandingYears = oldMemberStandingYears == null ? 50 : oldMemberStandingYears;
        oldMemberAge = oldMemberAge == null ? 80 : oldMemberAge;
        if (oldMemberStandingYears < 1 || oldMemberAge < 1) {
            throw new IllegalArgumentException("party.member.care thresholds must be positive");
        }
    }
}
