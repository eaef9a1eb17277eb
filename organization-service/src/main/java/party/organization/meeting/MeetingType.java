package party.organization.meeting;

import party.organization.organization.OrganizationType;

/**
 * The kinds of organizational life (三会一课 and the rest), where each is held, and who is
 * expected at it.
 */
public enum MeetingType {
    /** 支部党员大会: all members; valid with more than half of the full members present. */
    BRANCH_GENERAL_MEETING("支部党员大会", OrganizationType.BRANCH, Attendees.ROSTER),
    /** 支委会: the branch committee; needs more than half of it present. */
    COMMITTEE_MEETING("支委会", OrganizationType.BRANCH, Attendees.COMMITTEE),
    /** 党小组会: held by a group, not by the branch. */
    GROUP_MEETING("党小组会", OrganizationType.GROUP, Attendees.GROUP),
    /** 党课. */
    PARTY_LECTURE("党课", OrganizationType.BRANCH, Attendees.ROSTER),
    /** 主题党日. */
    THEME_PARTY_DAY("主题党日", OrganizationType.BRANCH, Attendees.ROSTER),
    /** 组织生活会. */
    ORG_LIFE_REVIEW_MEETING("组织生活会", OrganizationType.BRANCH, Attendees.ROSTER),
    /** 民主评议党员. */
    DEMOCRATIC_APPRAISAL("民主评议党员", OrganizationType.BRANCH, Attendees.ROSTER),
    /** 谈心谈话: between a few people, named by the recorder. */
    HEART_TO_HEART_TALK("谈心谈话", OrganizationType.BRANCH, Attendees.PARTICIPANTS);

    /** Where the list of expected attendees comes from. */
    public enum Attendees {
        /** The roster of the organization, from member events. */
        ROSTER,
        /**
         * The branch committee, named in the request: this service does not know the committee
         * yet (leadership comes separately); every name must be on the branch roster.
         */
        COMMITTEE,
        /**
         * The group's roster when members are assigned to the group; otherwise (members are
         * registered to branches) named in the request, each on the parent branch's roster.
         */
        GROUP,
        /** Named in the request, each on the branch roster: a talk is not a meeting of everyone. */
        PARTICIPANTS
    }

    private final String chineseName;
    private final OrganizationType heldBy;
    private final Attendees attendees;

    MeetingType(String chineseName, OrganizationType heldBy, Attendees attendees) {
        this.chineseName = chineseName;
        this.heldBy = heldBy;
        this.attendees = attendees;
    }

    public String chineseName() {
        return chineseName;
    }

    /** The type of organization that holds this kind of meeting. */
    public OrganizationType heldBy() {
        return heldBy;
    }

    public Attendees attendees() {
        return attendees;
    }
}
