package party.organization.grade;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An organization's current grade (评估定级), kept from assessment-service's
 * {@code party.assessment.grade-determined.v1}: one document per organization ({@code id} = orgId).
 * {@code year} and {@code version} (the evaluation aggregate's version within that year) order the
 * events, so a grade of an older year, or an older determination of the same year, never replaces
 * what is held.
 */
@Document(CurrentGrade.COLLECTION)
record CurrentGrade(@Id String id, int year, String grade, Instant determinedAt, String evaluationId, long version) {

    static final String COLLECTION = "current_grades";
}
