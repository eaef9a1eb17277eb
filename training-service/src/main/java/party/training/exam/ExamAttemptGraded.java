package party.training.exam;

/** Data of {@value #TYPE}: an attempt was submitted in time and graded (score 0-100). */
record ExamAttemptGraded(String attemptId, String examId, String courseId, String memberId, String orgId, int score,
                         boolean passed, long version) {

    static final String TYPE = "party.training.exam-attempt-graded.v1";
}
