package party.assessment.metric;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Member development of an organization in a year: admissions (member ids), steps recorded
 * ({@code recordId#step}). Sets, so a replay adds nothing.
 */
@Document(DevelopmentCounter.COLLECTION)
record DevelopmentCounter(@Id String id, String orgId, Integer year, List<String> admitted, List<String> steps) {

    static final String COLLECTION = "development_counters";

    static String idOf(String orgId, int year) {
        return orgId + "|" + year;
    }
}
