package party.assessment.metric;

import java.time.YearMonth;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One branch's meetings of one type in one month: planned, held, cancelled (meeting ids) and the units that held one. */
@Document(OrgLifeMonth.COLLECTION)
record OrgLifeMonth(@Id String id, String branchId, String type, String month, List<String> planned, List<String> held,
                    List<String> cancelled, List<String> units) {

    static final String COLLECTION = "orglife_months";

    static String idOf(String branchId, String type, YearMonth month) {
        return branchId + "|" + type + "|" + month;
    }

    List<String> unitsOrEmpty() {
        return units == null ? List.of() : units;
    }

    int count(List<String> ids) {
        return ids == null ? 0 : ids.size();
    }
}
