package party.member.member;

/**
 * A member's standing in the registry: 正式党员 / 预备党员, and the development pipeline's earlier
 * stages 入党申请人 / 入党积极分子 / 发展对象. {@code PROBATION_CANCELLED} ends a probation the branch
 * general meeting cancelled (取消预备党员资格): the person stays in the registry for the record,
 * but is no member any more.
 */
public enum MemberStatus {
    FULL, PROBATIONARY, APPLICANT, ACTIVIST, CANDIDATE, PROBATION_CANCELLED,
    /** Ended by a status decision (party.member.status): died, left (自行脱党, 退党, 劝其退党), expelled (开除党籍), removed (除名). */
    DECEASED, LEFT, EXPELLED, REMOVED,
    /** Relation transferred out of this system (nationwide or out of the system, party.member.transfer): kept for the record. */
    TRANSFERRED_OUT
}
