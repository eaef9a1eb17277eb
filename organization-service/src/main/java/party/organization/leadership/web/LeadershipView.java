package party.organization.leadership.web;

import java.time.LocalDate;
import java.util.List;
import party.organization.leadership.Holder;
import party.organization.leadership.Leadership;
import party.organization.leadership.LeadershipRole;
import party.organization.leadership.Term;
import party.organization.leadership.TermCalendar;
import party.organization.leadership.UnitKind;

/**
 * An organization's current leadership: its current term with the role holders. {@code term} is
 * null (and {@code version} too) when no term was recorded yet.
 *
 * @param version the ETag to send in If-Match when changing holders
 */
record LeadershipView(String orgId, Long version, TermView term) {

    static LeadershipView of(Leadership leadership) {
        return new LeadershipView(leadership.getOrgId(), leadership.getVersion() == null ? 0 : leadership.getVersion(),
                leadership.current().map(TermView::of).orElse(null));
    }

    static LeadershipView none(String orgId) {
        return new LeadershipView(orgId, null, null);
    }

    /**
     * @param committee whether the term has a committee (holders beyond secretary and deputy)
     * @param daysLeft for the current term: days to its end (Asia/Shanghai), negative once passed; null for ended terms
     * @param expired the current term's end has passed without a renewal
     */
    record TermView(String id, int number, LocalDate startDate, LocalDate endDate, UnitKind unitKind, Term.Status status,
                    LocalDate endedOn, boolean committee, Long daysLeft, boolean expired, List<HolderView> holders) {

        static TermView of(Term term) {
            LocalDate today = TermCalendar.today();
            return new TermView(term.id(), term.number(), term.startDate(), term.endDate(), term.unitKind(),
                    term.status(), term.endedOn(), term.committee(),
                    term.current() ? TermCalendar.daysLeft(term, today) : null, TermCalendar.expired(term, today),
                    term.holders().stream().map(HolderView::of).toList());
        }
    }

    record HolderView(LeadershipRole role, String memberId, String name, Boolean fullTime) {
        static HolderView of(Holder holder) {
            return new HolderView(holder.role(), holder.memberId(), holder.name(), holder.fullTime());
        }
    }
}
