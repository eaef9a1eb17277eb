package party.member.development;

import java.time.Instant;

/**
 * Data of {@value #TYPE}. Schema: {@code contracts/party.member.development-quota-set.v1.schema.json}.
 *
 * @param version the quota's version after the change
 */
record DevelopmentQuotaSet(String orgId, int year, int quota, Instant setAt, long version) {

    static final String TYPE = "party.member.development-quota-set.v1";
}
