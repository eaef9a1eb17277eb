package party.assessment.metric;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** An organization's development quota (发展党员指导性计划) of a year, from party.member.development-quota-set.v1. */
@Document(DevelopmentQuota.COLLECTION)
record DevelopmentQuota(@Id String id, String orgId, int year, long quota, long version) {

    static final String COLLECTION = "development_quotas";
}
