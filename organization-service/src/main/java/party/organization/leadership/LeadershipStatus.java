package party.organization.leadership;

import java.time.LocalDate;

/**
 * The structure-health facts of one organization's leadership, as of a day.
 *
 * @param hasTerm whether any term was ever recorded
 * @param termEndDate the current term's end, null without a term
 * @param termExpired the current term's end has passed without a renewal
 * @param secretaryFullTime null without a secretary
 * @param hasCommittee the current term has holders beyond secretary and deputy
 */
public record LeadershipStatus(String orgId, boolean hasTerm, String termId, LocalDate termEndDate, boolean termExpired,
                               boolean hasSecretary, Boolean secretaryFullTime, boolean hasCommittee) {

    static LeadershipStatus none(String orgId) {
        return new LeadershipStatus(orgId, false, null, null, false, false, null, false);
    }

    static LeadershipStatus of(Term term, String orgId, LocalDate today) {
        var secretary = term.secretary();
        return new LeadershipStatus(orgId, true, term.id(), term.endDate(), TermCalendar.expired(term, today),
                secretary.isPresent(), secretary.map(Holder::fullTime).orElse(null), term.committee());
    }
}
