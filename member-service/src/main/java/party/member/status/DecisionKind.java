package party.member.status;

import party.member.member.MemberStatus;

/**
 * The kinds of status decision and the status each leads to. REMOVAL (除名) leads to REMOVED, not
 * LEFT: 除名 is the organization's measure against an unqualified member who would not correct or
 * leave, and the record must keep it apart from leaving (退党, 自行脱党, 劝其退党), which is LEFT.
 * CORRECTION_DEADLINE (限期改正) changes no status: the member stays and the deadline is recorded.
 */
public enum DecisionKind {
    /** 党员去世. */
    DEATH(MemberStatus.DECEASED),
    /** 退党 or 自行脱党 (e.g. after a lapse flag). */
    LEAVING(MemberStatus.LEFT),
    /** 开除党籍. */
    EXPULSION(MemberStatus.EXPELLED),
    /** 不合格党员处置: 限期改正. */
    CORRECTION_DEADLINE(null),
    /** 不合格党员处置: 劝其退党. */
    ADVICE_TO_LEAVE(MemberStatus.LEFT),
    /** 不合格党员处置: 除名. */
    REMOVAL(MemberStatus.REMOVED);

    private final MemberStatus to;

    DecisionKind(MemberStatus to) {
        this.to = to;
    }

    /** The status the decision leads to; null when the member stays (限期改正). */
    public MemberStatus to() {
        return to;
    }
}
