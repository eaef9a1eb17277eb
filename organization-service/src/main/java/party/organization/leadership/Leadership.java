package party.organization.leadership;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import party.platform.events.Aggregate;

/**
 * The leadership of one organization: all its terms, the current one last. One document per
 * organization (its id is the organization's id), so a renewal, which ends one term and starts
 * the next, is a single write, and there can never be two current terms.
 */
@Document("leadership")
public class Leadership extends Aggregate {

    public static final String TERM_STARTED = "party.organization.term-started.v1";
    public static final String LEADERSHIP_CHANGED = "party.organization.leadership-changed.v1";

    /** Why a term started: the first one recorded, or a renewal (换届) ending the one before. */
    public enum StartReason { FIRST, RENEWAL }

    private List<Term> terms = new ArrayList<>();
    /** The current term's end, copied out of {@code terms} so the expiry lists filter and sort in the database. */
    @Indexed
    private LocalDate currentEndDate;

    protected Leadership() {
    }

    static Leadership first(String orgId, LocalDate start, LocalDate end, UnitKind kind, List<Holder> holders) {
        Leadership leadership = new Leadership();
        leadership.id = orgId;
        Term term = new Term(UUID.randomUUID().toString(), 1, start, end, kind, Term.Status.CURRENT, null, holders);
        leadership.terms.add(term);
        leadership.currentEndDate = end;
        leadership.raise(TERM_STARTED, leadership.started(term, StartReason.FIRST, null));
        return leadership;
    }

    /** Ends the current term on the election date and starts the next one from it. */
    Term renew(LocalDate election, LocalDate end, UnitKind kind, List<Holder> holders) {
        Term previous = current().orElseThrow();
        Term ended = previous.ended(election);
        terms.set(terms.indexOf(previous), ended);
        Term next = new Term(UUID.randomUUID().toString(), previous.number() + 1, election, end, kind,
                Term.Status.CURRENT, null, holders);
        terms.add(next);
        currentEndDate = end;
        raise(TERM_STARTED, started(next, StartReason.RENEWAL, ended));
        return next;
    }

    /** Replaces who holds which role in the current term (a by-election, a resignation, a vacancy filled). */
    void changeHolders(List<Holder> holders) {
        Term previous = current().orElseThrow();
        Term changed = previous.withHolders(holders);
        terms.set(terms.indexOf(previous), changed);
        raise(LEADERSHIP_CHANGED, new LeadershipChanged(id, changed.id(), changed.number(), changed.committee(),
                roles(changed), nextVersion()));
    }

    public String getOrgId() {
        return id;
    }

    public List<Term> getTerms() {
        return List.copyOf(terms);
    }

    public Optional<Term> current() {
        return terms.stream().filter(Term::current).findFirst();
    }

    public LocalDate getCurrentEndDate() {
        return currentEndDate;
    }

    /** A holder in an event: role and member id, never a name (no personal data in events). */
    public record RoleHolding(LeadershipRole role, String memberId, Boolean fullTime) {
    }

    /**
     * Payload of {@code party.organization.term-started.v1}. Dates are ISO-8601 strings so the wire
     * format never depends on a JSON mapper's date settings.
     */
    public record TermStarted(String orgId, String termId, int termNumber, StartReason reason, String previousTermId,
                              String previousTermEndedOn, String startDate, String endDate, UnitKind unitKind,
                              boolean committee, List<RoleHolding> roles, long version) {
    }

    /** Payload of {@code party.organization.leadership-changed.v1}. */
    public record LeadershipChanged(String orgId, String termId, int termNumber, boolean committee,
                                    List<RoleHolding> roles, long version) {
    }

    private TermStarted started(Term term, StartReason reason, Term previous) {
        return new TermStarted(id, term.id(), term.number(), reason, previous == null ? null : previous.id(),
                previous == null ? null : previous.endedOn().toString(), term.startDate().toString(),
                term.endDate().toString(), term.unitKind(), term.committee(), roles(term), nextVersion());
    }

    private static List<RoleHolding> roles(Term term) {
        return term.holders().stream().map(h -> new RoleHolding(h.role(), h.memberId(), h.fullTime())).toList();
    }
}
