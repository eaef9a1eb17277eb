package party.organization.leadership;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One term (届) of an organization's leadership, kept inside its {@link Leadership} document.
 *
 * @param number 1 for the first term recorded here, then 2, 3, ...
 * @param endDate when the term is due to end (the date renewal is due)
 * @param endedOn the day a renewal actually ended it; null while current
 */
public record Term(String id, int number, LocalDate startDate, LocalDate endDate, UnitKind unitKind, Status status,
                   LocalDate endedOn, List<Holder> holders) {

    public enum Status { CURRENT, ENDED }

    public Term {
        holders = holders == null ? List.of() : List.copyOf(holders);
    }

    public boolean current() {
        return status == Status.CURRENT;
    }

    /** A committee exists when someone holds a role beyond secretary and deputy. */
    public boolean committee() {
        return holders.stream().anyMatch(h -> h.role().committeeRole());
    }

    public Optional<Holder> secretary() {
        return holders.stream().filter(h -> h.role() == LeadershipRole.SECRETARY).findFirst();
    }

    Term ended(LocalDate on) {
        return new Term(id, number, startDate, endDate, unitKind, Status.ENDED, on, holders);
    }

    Term withHolders(List<Holder> newHolders) {
        return new Term(id, number, startDate, endDate, unitKind, status, endedOn, newHolders);
    }
}
