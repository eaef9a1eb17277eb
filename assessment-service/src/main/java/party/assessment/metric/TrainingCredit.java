package party.assessment.metric;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A member's credit hours of a year in hundredths of an hour, summed over the ledger entries in {@code entries}. */
@Document(TrainingCredit.COLLECTION)
record TrainingCredit(@Id String id, String memberId, String orgId, Integer year, Long hundredths, Long targetHundredths,
                      List<String> entries) {

    static final String COLLECTION = "training_credits";

    static String idOf(String memberId, int year) {
        return memberId + "|" + year;
    }
}
