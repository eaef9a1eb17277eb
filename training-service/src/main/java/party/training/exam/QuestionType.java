package party.training.exam;

/** SINGLE one correct option; MULTIPLE one or more, all must be chosen; TRUE_FALSE options 0 = true, 1 = false. */
public enum QuestionType {
    SINGLE, MULTIPLE, TRUE_FALSE
}
