package party.training.ledger;

import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.stereotype.Service;
import party.platform.security.CurrentUser;
import party.platform.web.ApiException;
import party.training.roster.Roster;
import party.training.roster.RosterMember;
import party.training.support.Hours;
import party.training.support.Scopes;
import party.training.support.TrainingCalendar;

/** Manual corrections of the ledger: a new ADJUSTMENT entry with a reason, never a change of an entry. */
@Service
public class AdjustmentService {

    private final Ledger ledger;
    private final Roster roster;
    private final Scopes scopes;

    AdjustmentService(Ledger ledger, Roster roster, Scopes scopes) {
        this.ledger = ledger;
        this.roster = roster;
        this.scopes = scopes;
    }

    /**
     * @throws ApiException 422 unknown member, zero hours, a total that would fall below zero; 403
     *                      when the member's branch is outside the caller's subtrees
     */
    public CreditEntry adjust(String memberId, int year, BigDecimal hours, String reason, CurrentUser user) {
        TrainingCalendar.checkedYear(year);
        RosterMember member = roster.find(memberId).filter(m -> m.orgId() != null)
                .orElseThrow(() -> ApiException.unprocessable("unknown-member", memberId));
        scopes.managed(member.orgId(), user);
        long centi = Hours.centi(hours);
        if (centi == 0) {
            throw ApiException.unprocessable("adjustment-zero");
        }
        if (ledger.total(memberId, year) + centi < 0) {
            throw ApiException.unprocessable("adjustment-below-zero", Hours.text(ledger.total(memberId, year)));
        }
        return ledger.credit(new Credit("ADJUSTMENT|" + UUID.randomUUID(), memberId, member.orgId(), year, centi,
                CreditSource.ADJUSTMENT, null, reason.strip(), user.id()));
    }
}
