package party.organization.letter;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import party.organization.organization.OrganizationType;

/**
 * Responsibility letter settings, under {@code party.organization.letter}.
 *
 * @param orgTypes the organizations whose secretaries sign a letter and which the missing list
 *        covers (default: BRANCH, as in "组织XXX名党支部书记签订《党建工作责任书》")
 * @param maxYearsAhead how many years after the current one a letter may be issued for (default 1)
 */
@ConfigurationProperties("party.organization.letter")
public record LetterProperties(List<OrganizationType> orgTypes, Integer maxYearsAhead) {

    public LetterProperties {
        orgTypes = orgTypes == null || orgTypes.isEmpty() ? List.of(OrganizationType.BRANCH) : List.copyOf(orgTypes);
        maxYearsAhead = maxYearsAhead == null || maxYearsAhead < 0 ? 1 : maxYearsAhead;
    }
}
