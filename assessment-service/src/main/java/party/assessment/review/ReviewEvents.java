package party.assessment.review;

/** Event data of secretary reviews; schemas in {@code contracts/party.assessment.secretary-report-submitted.v1...}, {@code secretary-review-concluded.v1}. */
final class ReviewEvents {

    static final String REPORT_SUBMITTED = "party.assessment.secretary-report-submitted.v1";
    static final String CONCLUDED = "party.assessment.secretary-review-concluded.v1";

    private ReviewEvents() {
    }

    record ReportSubmitted(String reviewId, String orgId, int year, String mode, int commitmentCount, long version) {
    }

    /** @param rectificationItemIds the rectification items the commitments became */
    record Concluded(String reviewId, String orgId, int year, String overallRating, int ratingCount,
                     java.util.List<String> rectificationItemIds, long version) {
    }
}
