package party.assessment.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.mongodb.core.mapping.Document;
import party.assessment.evaluation.Grade;
import party.platform.events.Aggregate;
import party.platform.web.ApiException;

/**
 * A branch secretary's yearly report and review (述职评议): the report (written or on-site) with its
 * rectification commitments, the reviewers' ratings and comments, the committee secretary's comment
 * (recorded on its own), and the overall rating. Id {@code orgId|year}.
 */
@Document(SecretaryReview.COLLECTION)
public class SecretaryReview extends Aggregate {

    public static final String COLLECTION = "secretary_reviews";

    public enum Mode {
        /** 书面述职 */
        WRITTEN,
        /** 现场述职 */
        ON_SITE
    }

    public enum Status {
        REPORTED,
        CONCLUDED
    }

    public record Commitment(String problem, String measure, LocalDate deadline) {
    }

    public record Rating(Grade rating, String comment, Instant at) {
    }

    public record Comment(String comment, String by, Instant at) {
    }

    private String orgId;
    private int year;
    private Mode mode;
    private String report;
    private List<Commitment> commitments = new ArrayList<>();
    private String submittedBy;
    private Instant submittedAt;
    private Map<String, Rating> ratings = new LinkedHashMap<>();
    private Comment committeeComment;
    private Grade overallRating;
    private List<String> rectificationItemIds = new ArrayList<>();
    private Status status;
    private String concludedBy;
    private Instant concludedAt;

    SecretaryReview() {
    }

    static String idOf(String orgId, int year) {
        return orgId + "|" + year;
    }

    static SecretaryReview start(String orgId, int year) {
        SecretaryReview review = new SecretaryReview();
        review.id = idOf(orgId, year);
        review.orgId = orgId;
        review.year = year;
        return review;
    }

    void submit(Mode newMode, String text, List<Commitment> newCommitments, String by) {
        requireOpen();
        mode = newMode;
        report = text;
        commitments = new ArrayList<>(newCommitments);
        submittedBy = by;
        submittedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        status = Status.REPORTED;
        raise(ReviewEvents.REPORT_SUBMITTED, new ReviewEvents.ReportSubmitted(id, orgId, year, mode.name(), commitments.size(),
                nextVersion()));
    }

    void rate(String reviewer, Grade rating, String comment) {
        requireOpen();
        ratings.put(reviewer, new Rating(rating, comment, Instant.now().truncatedTo(ChronoUnit.MILLIS)));
    }

    void commentAsCommitteeSecretary(String comment, String by) {
        requireOpen();
        committeeComment = new Comment(comment, by, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    void conclude(Grade rating, List<String> itemIds, String by) {
        requireOpen();
        overallRating = rating;
        rectificationItemIds = new ArrayList<>(itemIds);
        status = Status.CONCLUDED;
        concludedBy = by;
        concludedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        raise(ReviewEvents.CONCLUDED, new ReviewEvents.Concluded(id, orgId, year, rating.name(), ratings.size(), itemIds,
                nextVersion()));
    }

    private void requireOpen() {
        if (status == Status.CONCLUDED) {
            throw ApiException.conflict("review-concluded", orgId, year);
        }
    }

    public String getOrgId() {
        return orgId;
    }

    public int getYear() {
        return year;
    }

    public Mode getMode() {
        return mode;
    }

    public String getReport() {
        return report;
    }

    public List<Commitment> getCommitments() {
        return commitments;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Map<String, Rating> getRatings() {
        return ratings;
    }

    public Comment getCommitteeComment() {
        return committeeComment;
    }

    public Grade getOverallRating() {
        return overallRating;
    }

    public List<String> getRectificationItemIds() {
        return rectificationItemIds;
    }

    public Status getStatus() {
        return status;
    }

    public String getConcludedBy() {
        return concludedBy;
    }

    public Instant getConcludedAt() {
        return concludedAt;
    }
}
