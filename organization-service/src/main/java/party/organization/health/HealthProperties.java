package party.organization.health;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Thresholds of the structure-health flags (defaults from the branch work regulations).
 *
 * @param minFullMembers fewer full members than this is {@link HealthFlag#FEW_FULL_MEMBERS}
 * @param maxMembers more members than this is {@link HealthFlag#TOO_MANY_MEMBERS}
 * @param committeeFromFullMembers this many full members or more need a committee
 */
@ConfigurationProperties("party.organization.health")
record HealthProperties(Integer minFullMembers, Integer maxMembers, Integer committeeFromFullMembers) {
    HealthProperties {
        minFullMembers = minFullMembers == null ? 3 : minFullMembers;
        maxMembers = maxMembers == null ? 50 : maxMembers;
        committeeFromFullMembers = committeeFromFullMembers == null ? 7 : committeeFromFullMembers;
    }
}
