package party.training.exam;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import party.platform.web.ApiException;

/** A question of a course's bank; {@code correct} are option indexes and never leave the service to members. */
public record Question(String id, QuestionType type, String text, List<String> options, List<Integer> correct) {

    /** Checks the shape: enough options, the right number of correct ones, indexes in range. */
    static Question checked(String id, QuestionType type, String text, List<String> options, List<Integer> correct) {
        List<String> opts = type == QuestionType.TRUE_FALSE ? List.of("true", "false") : options == null ? List.of() : options;
        Set<Integer> right = new TreeSet<>(correct == null ? List.of() : correct);
        if (opts.size() < 2 || right.isEmpty() || right.stream().anyMatch(i -> i < 0 || i >= opts.size())
                || (type != QuestionType.MULTIPLE && right.size() != 1)) {
            throw ApiException.unprocessable("exam-question-invalid", type.name());
        }
        return new Question(id, type, text, List.copyOf(opts), List.copyOf(right));
    }

    /** Answered right: exactly the correct options chosen. */
    boolean rightly(List<Integer> chosen) {
        return chosen != null && new TreeSet<>(chosen).equals(new TreeSet<>(correct));
    }
}
