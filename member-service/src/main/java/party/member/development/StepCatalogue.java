package party.member.development;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The 25 steps and the materials each one requires (材料清单). The codes are stable API values;
 * a step is recorded only when every required code is among those the request says were provided.
 */
public final class StepCatalogue {

    public static final int FIRST = 1;
    public static final int LAST = 25;
    public static final int TALK = 2;
    public static final int ACTIVIST = 3;
    public static final int CONTACTS = 5;
    public static final int CANDIDATE = 7;
    public static final int SPONSORS = 9;
    public static final int TRAINING = 11;
    public static final int VOTE = 15;
    public static final int SUPERIOR_TALK = 16;
    public static final int APPROVAL = 17;
    public static final int FULL_MEMBERSHIP_APPLICATION = 22;
    public static final int CONFIRMATION_MEETING = 23;
    public static final int CONFIRMATION_APPROVAL = 24;

    private static final Map<Integer, List<String>> MATERIALS = Map.ofEntries(
            Map.entry(1, List.of("APPLICATION_LETTER")),
            Map.entry(2, List.of("TALK_RECORD")),
            Map.entry(3, List.of("RECOMMENDATION_RECORD", "ACTIVIST_DETERMINATION_RECORD")),
            Map.entry(4, List.of("FILING_REPORT")),
            Map.entry(5, List.of("CONTACT_ASSIGNMENT_RECORD")),
            Map.entry(6, List.of("CULTIVATION_RECORD")),
            Map.entry(7, List.of("OPINION_SOLICITATION_RECORD", "CANDIDATE_DETERMINATION_RECORD")),
            Map.entry(8, List.of("FILING_REPORT")),
            Map.entry(9, List.of("SPONSOR_ASSIGNMENT_RECORD")),
            Map.entry(10, List.of("POLITICAL_REVIEW_REPORT")),
            Map.entry(11, List.of("TRAINING_CERTIFICATE")),
            Map.entry(12, List.of("COMMITTEE_REVIEW_RECORD")),
            Map.entry(13, List.of("PRE_REVIEW_OPINION")),
            Map.entry(14, List.of("APPLICATION_FORM")),
            Map.entry(15, List.of("MEETING_RECORD", "APPLICATION_FORM")),
            Map.entry(16, List.of("TALK_RECORD")),
            Map.entry(17, List.of("APPROVAL_DOCUMENT")),
            Map.entry(18, List.of("FILING_REPORT")),
            Map.entry(19, List.of("ASSIGNMENT_NOTICE")),
            Map.entry(20, List.of("OATH_RECORD")),
            Map.entry(21, List.of("EDUCATION_RECORD")),
            Map.entry(22, List.of("FULL_MEMBERSHIP_APPLICATION")),
            Map.entry(23, List.of("MEETING_RECORD")),
            Map.entry(24, List.of("APPROVAL_DOCUMENT")),
            Map.entry(25, List.of("ARCHIVE_LIST")));

    private StepCatalogue() {
    }

    public static List<String> requiredMaterials(int step) {
        return MATERIALS.getOrDefault(step, List.of());
    }

    /** Required codes of the step absent from {@code provided}, sorted. */
    public static List<String> missingMaterials(int step, List<String> provided) {
        Set<String> missing = new TreeSet<>(requiredMaterials(step));
        if (provided != null) {
            provided.forEach(missing::remove);
        }
        return List.copyOf(missing);
    }
}
