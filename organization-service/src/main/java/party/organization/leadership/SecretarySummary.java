package party.organization.leadership;

import java.time.LocalDate;
import java.util.List;

/**
 * Branch secretaries over a subtree, for figures like "专职支部书记XXX名，兼职支部书记XXX名".
 *
 * @param branches active branches in the subtree
 * @param fullTimeSecretaries branches whose current secretary is full-time
 * @param partTimeSecretaries branches whose current secretary is part-time
 * @param branchesWithoutSecretary branches with no term or no secretary in their current term
 * @param withoutSecretary those branches, by code
 */
public record SecretarySummary(String orgId, LocalDate asOf, long branches, long fullTimeSecretaries,
                               long partTimeSecretaries, long branchesWithoutSecretary, List<OrgRef> withoutSecretary) {

    public record OrgRef(String id, String name, String code) {
    }
}
