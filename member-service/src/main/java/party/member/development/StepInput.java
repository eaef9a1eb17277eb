package party.member.development;

import java.time.LocalDate;
import java.util.List;

/**
 * What recording a step says, already checked for shape by the web layer.
 *
 * @param talkers who talked with the person (steps 2 and 16), as names
 * @param contacts member ids of the cultivation contacts (step 5)
 * @param sponsors member ids of the two sponsors (step 9)
 * @param materials codes of the materials provided
 * @param outcome of step 23: CONFIRM, EXTEND or CANCEL
 * @param extensionMonths with EXTEND: 6 to 12
 */
public record StepInput(LocalDate date, List<String> talkers, List<String> contacts, List<String> sponsors,
                        List<String> materials, Vote vote, Outcome outcome, Integer extensionMonths,
                        Integer trainingDays, Integer trainingHours, String note) {

    /** The branch general meeting's decision at the end of probation. */
    public enum Outcome {
        CONFIRM, EXTEND, CANCEL
    }

    public List<String> talkers() {
        return talkers == null ? List.of() : talkers;
    }

    public List<String> contacts() {
        return contacts == null ? List.of() : contacts;
    }

    public List<String> sponsors() {
        return sponsors == null ? List.of() : sponsors;
    }

    public List<String> materials() {
        return materials == null ? List.of() : materials;
    }
}
