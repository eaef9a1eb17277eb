package party.training.exam;

/** Data of {@value #TYPE}. */
record ExamPublished(String examId, String planId, String orgId, String courseId, int questionCount, int durationMinutes,
                     int passMark, String creditHours, long version) {

    static final String TYPE = "party.training.exam-published.v1";
}
