package party.member.dues;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of dues, under {@code party.member.dues}.
 *
 * @param backPaymentMonths how many months back a payment may reach without a recorded reason
 *                          (DOMAIN.md: "normally ≤ 6 months"); default 6
 */
@ConfigurationProperties("party.member.dues")
public record DuesProperties(Integer backPaymentMonths) {

    public DuesProperties {
        backPaymentMonths = backPaymentMonths == null || backPaymentMonths < 0 ? 6 : backPaymentMonths;
    }
}
