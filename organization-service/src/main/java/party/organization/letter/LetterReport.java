package party.organization.letter;

import java.util.List;

/**
 * Responsibility letters of one year over a subtree.
 *
 * @param branches active organizations in the subtree that sign a letter (branches by default)
 * @param issued letters issued for them this year, signed or not
 * @param signed letters signed
 * @param letters those letters, by organization code
 * @param missing the organizations with no signed letter this year: none issued, or issued and not signed
 */
public record LetterReport(String orgId, int year, long branches, long issued, long signed, List<ResponsibilityLetter> letters,
                           List<Missing> missing) {

    public enum Gap { NOT_ISSUED, NOT_SIGNED }

    /** @param letterId the unsigned letter, null when none was issued */
    public record Missing(String orgId, String orgName, String orgCode, Gap gap, String letterId) {
    }
}
