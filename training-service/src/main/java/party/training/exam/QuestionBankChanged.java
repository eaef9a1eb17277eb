package party.training.exam;

/** Data of {@value #TYPE}: a question was added to a course's bank (no question texts in the event). */
record QuestionBankChanged(String bankId, String planId, String orgId, String courseId, int questionCount, long version) {

    static final String TYPE = "party.training.question-bank-changed.v1";
}
