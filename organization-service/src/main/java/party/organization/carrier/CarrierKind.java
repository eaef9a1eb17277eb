package party.organization.carrier;

/** The kinds of Party-building carriers (党建载体) a branch sets up. */
public enum CarrierKind {
    /** 一支部一品牌: at most one active per branch. */
    BRANCH_BRAND,
    /** 党员先锋岗 */
    VANGUARD_POST,
    /** 党员责任区 */
    RESPONSIBILITY_ZONE,
    /** 党员突击队 */
    COMMANDO_TEAM,
    /** 党员创新工作室 */
    INNOVATION_STUDIO
}
