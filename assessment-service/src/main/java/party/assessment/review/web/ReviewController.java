package party.assessment.review.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import party.assessment.evaluation.Grade;
import party.assessment.review.ReviewService;
import party.assessment.review.SecretaryReview;
import party.platform.security.CurrentUser;
import party.platform.web.ETags;

/** Secretary report and review (述职评议) of a branch for a year. */
@RestController
@PreAuthorize("hasAnyRole('ADMIN','ORG_STAFF','SECRETARY','INSPECTOR')")
class ReviewController {

    static final String PATH = "/api/v1/assessments/branches/{orgId}/secretary-reviews/{year}";

    private final ReviewService reviews;

    ReviewController(ReviewService reviews) {
        this.reviews = reviews;
    }

    record CommitmentInput(@NotBlank @Size(max = 2000) String problem, @NotBlank @Size(max = 2000) String measure,
                           @NotNull LocalDate deadline) {
    }

    record ReportRequest(@NotNull SecretaryReview.Mode mode, @NotBlank @Size(max = 50000) String report,
                         @Size(max = 30) List<@Valid @NotNull CommitmentInput> commitments) {
    }

    record RatingRequest(@NotNull Grade rating, @Size(max = 5000) String comment) {
    }

    record CommentRequest(@NotBlank @Size(max = 5000) String comment) {
    }

    record ConclusionRequest(@NotNull Grade rating) {
    }

    /** The review as shown; reviewers appear as their account ids. */
    record ReviewResponse(String id, String orgId, int year, SecretaryReview.Status status, SecretaryReview.Mode mode, String report,
                          List<SecretaryReview.Commitment> commitments, Instant submittedAt, Map<String, SecretaryReview.Rating> ratings,
                          SecretaryReview.Comment committeeComment, Grade overallRating, List<String> rectificationItemIds,
                          long version) {
        static ReviewResponse of(SecretaryReview r) {
            return new ReviewResponse(r.getId(), r.getOrgId(), r.getYear(), r.getStatus(), r.getMode(), r.getReport(),
                    r.getCommitments(), r.getSubmittedAt(), r.getRatings(), r.getCommitteeComment(), r.getOverallRating(),
                    r.getRectificationItemIds(), r.getVersion() == null ? 0 : r.getVersion());
        }
    }

    @PostMapping(PATH + "/report")
    @PreAuthorize("hasAnyRole('ADMIN','ORG_STAFF','SECRETARY')")
    ResponseEntity<ReviewResponse> report(@PathVariable String orgId, @PathVariable int year, @Valid @RequestBody ReportRequest body,
                                          @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        List<SecretaryReview.Commitment> commitments = body.commitments() == null ? List.of()
                : body.commitments().stream().map(c -> new SecretaryReview.Commitment(c.problem().strip(), c.measure().strip(), c.deadline())).toList();
        return ok(reviews.submit(orgId, year, body.mode(), body.report(), commitments, ifMatch, CurrentUser.get()));
    }

    @PostMapping(PATH + "/ratings")
    @PreAuthorize("hasAnyRole('ADMIN','ORG_STAFF')")
    ResponseEntity<ReviewResponse> rate(@PathVariable String orgId, @PathVariable int year, @Valid @RequestBody RatingRequest body,
                                        @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return ok(reviews.rate(orgId, year, body.rating(), body.comment(), ifMatch, CurrentUser.get()));
    }

    @PostMapping(PATH + "/committee-comment")
    @PreAuthorize("hasAnyRole('ADMIN','ORG_STAFF')")
    ResponseEntity<ReviewResponse> comment(@PathVariable String orgId, @PathVariable int year, @Valid @RequestBody CommentRequest body,
                                           @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return ok(reviews.committeeComment(orgId, year, body.comment(), ifMatch, CurrentUser.get()));
    }

    @PostMapping(PATH + "/conclusion")
    @PreAuthorize("hasAnyRole('ADMIN','ORG_STAFF')")
    ResponseEntity<ReviewResponse> conclude(@PathVariable String orgId, @PathVariable int year,
                                            @Valid @RequestBody ConclusionRequest body,
                                            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return ok(reviews.conclude(orgId, year, body.rating(), ifMatch, CurrentUser.get()));
    }

    @GetMapping(PATH)
    ResponseEntity<ReviewResponse> get(@PathVariable String orgId, @PathVariable int year) {
        return ok(reviews.get(orgId, year, CurrentUser.get()));
    }

    private static ResponseEntity<ReviewResponse> ok(SecretaryReview review) {
        return ResponseEntity.ok().eTag(ETags.of(review.getVersion())).body(ReviewResponse.of(review));
    }
}
