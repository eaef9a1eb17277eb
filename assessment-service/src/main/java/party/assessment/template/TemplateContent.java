package party.assessment.template;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import party.platform.web.ApiException;

/**
 * What a template says: aspects refined into indicators, and the bonus, penalty and veto (一票否决)
 * items. Also the body of the requests that create or change a draft.
 */
public record TemplateContent(@NotBlank @Size(max = 200) String name,
                              @NotEmpty @Size(max = 20) List<@Valid @NotNull Aspect> aspects,
                              @Size(max = 50) List<@Valid @NotNull AdjustmentItem> bonusItems,
                              @Size(max = 50) List<@Valid @NotNull AdjustmentItem> penaltyItems,
                              @Size(max = 50) List<@Valid @NotNull VetoItem> vetoItems) {

    /** The total of all indicators' maximum scores a template must reach to be published. */
    public static final BigDecimal TOTAL = new BigDecimal("100");

    public TemplateContent {
        bonusItems = bonusItems == null ? List.of() : List.copyOf(bonusItems);
        penaltyItems = penaltyItems == null ? List.of() : List.copyOf(penaltyItems);
        vetoItems = vetoItems == null ? List.of() : List.copyOf(vetoItems);
    }

    public record Aspect(@NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,40}") String code, @NotBlank @Size(max = 100) String name,
                         @NotEmpty @Size(max = 60) List<@Valid @NotNull Indicator> indicators) {
    }

    /**
     * A second-level indicator.
     *
     * @param standard the scoring standard (评分标准)
     * @param metric for AUTOMATIC only: what it is computed from
     */
    public record Indicator(@NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,40}") String code, @NotBlank @Size(max = 200) String name,
                            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") BigDecimal maxScore,
                            @NotBlank @Size(max = 1000) String standard, @NotNull Source source, Metric metric) {
    }

    /** A bonus or penalty item, worth up to {@code maxScore} points. */
    public record AdjustmentItem(@NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,40}") String code, @NotBlank @Size(max = 200) String name,
                                 @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") BigDecimal maxScore,
                                 @NotBlank @Size(max = 1000) String standard) {
    }

    /** A veto item: when it applies, the period's score is 0 and the branch cannot be graded above 差. */
    public record VetoItem(@NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,40}") String code, @NotBlank @Size(max = 200) String name,
                           @NotBlank @Size(max = 1000) String standard) {
    }

    /** Rules beyond single fields: codes unique across the template, metric only and always on AUTOMATIC. */
    public void check() {
        Set<String> codes = new HashSet<>();
        for (Aspect aspect : aspects) {
            unique(codes, aspect.code());
            for (Indicator indicator : aspect.indicators()) {
                unique(codes, indicator.code());
                if (indicator.source() == Source.AUTOMATIC && indicator.metric() == null) {
                    throw ApiException.unprocessable("template-metric-required", indicator.code());
                }
                if (indicator.source() == Source.MANUAL && indicator.metric() != null) {
                    throw ApiException.unprocessable("template-metric-on-manual", indicator.code());
                }
            }
        }
        bonusItems.forEach(item -> unique(codes, item.code()));
        penaltyItems.forEach(item -> unique(codes, item.code()));
        vetoItems.forEach(item -> unique(codes, item.code()));
    }

    public BigDecimal totalMaxScore() {
        return indicators().stream().map(Indicator::maxScore).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public List<Indicator> indicators() {
        return aspects.stream().flatMap(aspect -> aspect.indicators().stream()).toList();
    }

    public Optional<Indicator> indicator(String code) {
        return indicators().stream().filter(i -> i.code().equals(code)).findFirst();
    }

    public Optional<AdjustmentItem> bonus(String code) {
        return bonusItems.stream().filter(i -> i.code().equals(code)).findFirst();
    }

    public Optional<AdjustmentItem> penalty(String code) {
        return penaltyItems.stream().filter(i -> i.code().equals(code)).findFirst();
    }

    public Optional<VetoItem> veto(String code) {
        return vetoItems.stream().filter(i -> i.code().equals(code)).findFirst();
    }

    private static void unique(Set<String> codes, String code) {
        if (!codes.add(code)) {
            throw ApiException.unprocessable("template-duplicate-code", code);
        }
    }
}
