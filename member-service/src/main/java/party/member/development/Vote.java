package party.member.development;

import party.platform.web.ApiException;

/**
 * The branch general meeting's vote on admission (step 15).
 *
 * <p>Reading of the rule: "more than half of the members with voting rights (the expected count,
 * not those present) must be present and more than half of them must approve". Both majorities
 * are taken on the <em>expected</em> count: {@code 2·present > expected} and
 * {@code 2·inFavour > expected}. With 10 expected voters, 6 present and 6 in favour pass; 5 present,
 * or 6 present of whom 5 approve, fail, even though 5 of 6 present is a majority of those present.
 *
 * @param expected members with voting rights (full members of the branch, 应到会有表决权的正式党员)
 * @param present those of them present
 * @param inFavour votes for (赞成)
 * @param against votes against
 * @param abstain abstentions
 */
public record Vote(int expected, int present, int inFavour, int against, int abstain) {

    /** Numbers that cannot be: negative, nobody expected, more present than expected, more votes than present. */
    public void requireConsistent() {
        if (expected < 1 || present < 0 || inFavour < 0 || against < 0 || abstain < 0 || present > expected
                || (long) inFavour + against + abstain > present) {
            throw ApiException.badRequest("development-vote-inconsistent", expected, present, inFavour, against, abstain);
        }
    }

    public boolean quorate() {
        return 2L * present > expected;
    }

    public boolean approved() {
        return 2L * inFavour > expected;
    }

    public boolean passed() {
        return quorate() && approved();
    }
}
