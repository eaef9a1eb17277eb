package party.organization.liaison;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of liaison points and field research, under {@code party.organization.liaison}.
 *
 * @param problemCategories the areas a problem found on a research trip is filed under. The seed
 *        names the areas 党建引领, 安全生产, 管理管控, 改革创新, 防范风险 and 民生福祉 out of the
 *        committee's twelve research areas; the rest are local, so the list is configurable.
 *        Codes are upper-case; {@code OTHER} is always accepted.
 */
@ConfigurationProperties("party.organization.liaison")
public record LiaisonProperties(List<String> problemCategories) {

    public static final String OTHER = "OTHER";

    public static final List<String> DEFAULT_CATEGORIES = List.of("PARTY_BUILDING", "SAFETY_PRODUCTION", "MANAGEMENT",
            "REFORM_INNOVATION", "RISK_PREVENTION", "LIVELIHOOD", OTHER);

    public LiaisonProperties {
        problemCategories = problemCategories == null || problemCategories.isEmpty()
                ? DEFAULT_CATEGORIES : List.copyOf(problemCategories);
        for (String code : problemCategories) {
            if (code == null || !code.matches("[A-Z][A-Z0-9_]*")) {
                // Codes travel in events whose schema allows only upper-case codes.
                throw new IllegalArgumentException("party.organization.liaison.problem-categories: invalid code " + code);
            }
        }
        if (!problemCategories.contains(OTHER)) {
            problemCategories = java.util.stream.Stream.concat(problemCategories.stream(), java.util.stream.Stream.of(OTHER))
                    .toList();
        }
    }
}
