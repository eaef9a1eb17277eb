package party.assessment.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import party.assessment.calendar.Period;
import party.assessment.config.Orgs;
import party.assessment.evaluation.Grade;
import party.assessment.rectification.RectificationService;
import party.assessment.rectification.RectificationSource;
import party.platform.events.AggregateStore;
import party.platform.orgtree.OrgNode;
import party.platform.security.CurrentUser;
import party.platform.security.OrgScope;
import party.platform.web.ApiException;
import party.platform.web.ETags;

/** Secretary report and review (述职评议): report, ratings, the committee secretary's comment, conclusion. */
@Service
public class ReviewService {

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final Orgs orgs;
    private final RectificationService rectifications;

    ReviewService(MongoTemplate mongo, AggregateStore store, Orgs orgs, RectificationService rectifications) {
        this.mongo = mongo;
        this.store = store;
        this.orgs = orgs;
        this.rectifications = rectifications;
    }

    /** The branch's secretary (or the department for them) submits or replaces the report before the conclusion. */
    public SecretaryReview submit(String orgId, int year, SecretaryReview.Mode mode, String report,
                                  List<SecretaryReview.Commitment> commitments, String ifMatch, CurrentUser user) {
        OrgNode branch = orgs.managedBranch(orgId, user);
        if (year < 2000 || year > Period.today().getYear()) {
            throw ApiException.unprocessable("year-invalid", year);
        }
        for (SecretaryReview.Commitment c : commitments) {
            if (c.deadline().isBefore(LocalDate.of(year, 1, 1))) {
                throw ApiException.unprocessable("commitment-deadline", c.deadline());
            }
        }
        SecretaryReview review = mongo.findById(SecretaryReview.idOf(branch.id(), year), SecretaryReview.class);
        if (review == null) {
            review = SecretaryReview.start(branch.id(), year);
        } else {
            ETags.require(ifMatch, review.getVersion());
        }
        review.submit(mode, report.strip(), commitments, user.id());
        return store.save(review);
    }

    /** A reviewer of the superior organization rates the report; a second rating replaces their first. */
    public SecretaryReview rate(String orgId, int year, Grade rating, String comment, String ifMatch, CurrentUser user) {
        SecretaryReview review = forSuperior(orgId, year, ifMatch, user);
        review.rate(user.id(), rating, comment == null || comment.isBlank() ? null : comment.strip());
        return store.save(review);
    }

    /** The committee secretary's comment (党委书记点评), recorded on its own. */
    public SecretaryReview committeeComment(String orgId, int year, String comment, String ifMatch, CurrentUser user) {
        SecretaryReview review = forSuperior(orgId, year, ifMatch, user);
        review.commentAsCommitteeSecretary(comment.strip(), user.id());
        return store.save(review);
    }

    /** Concludes with the overall rating; each commitment becomes a rectification item of the branch. */
    public SecretaryReview conclude(String orgId, int year, Grade rating, String ifMatch, CurrentUser user) {
        SecretaryReview review = forSuperior(orgId, year, ifMatch, user);
        if (review.getStatus() == SecretaryReview.Status.CONCLUDED) {
            throw ApiException.conflict("review-concluded", orgId, year);
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < review.getCommitments().size(); i++) {
            SecretaryReview.Commitment c = review.getCommitments().get(i);
            String id = "review-" + review.getOrgId() + "-" + review.getYear() + "-" + (i + 1);
            rectifications.openOnce(id, new RectificationService.NewItem(review.getOrgId(), RectificationSource.SECRETARY_REVIEW,
                    review.getId() + "#" + (i + 1), "SECRETARY_REVIEW_COMMITMENT", c.problem(), c.measure(), c.deadline()), user.id());
            ids.add(id);
        }
        review.conclude(rating, ids, user.id());
        return store.save(review);
    }

    public SecretaryReview get(String orgId, int year, CurrentUser user) {
        OrgNode branch = orgs.visibleBranch(orgId, user);
        SecretaryReview review = mongo.findById(SecretaryReview.idOf(branch.id(), year), SecretaryReview.class);
        if (review == null) {
            throw ApiException.notFound("not-found", OrgScope.resourceName("secretary-review"));
        }
        return review;
    }

    /** The reviews of a subtree's branches for a year, in branch order. */
    public List<SecretaryReview> ofSubtree(OrgNode org, int year) {
        List<OrgNode> branches = orgs.branchesIn(org.id());
        return mongo.find(Query.query(Criteria.where("_id").in(branches.stream().map(b -> SecretaryReview.idOf(b.id(), year)).toList())),
                SecretaryReview.class).stream().sorted(java.util.Comparator.comparing(SecretaryReview::getOrgId)).toList();
    }

    private SecretaryReview forSuperior(String orgId, int year, String ifMatch, CurrentUser user) {
        OrgNode branch = orgs.managedBranch(orgId, user);
        orgs.requireSuperior(branch, user);
        SecretaryReview review = mongo.findById(SecretaryReview.idOf(branch.id(), year), SecretaryReview.class);
        if (review == null) {
            throw ApiException.conflict("review-no-report", orgId, year);
        }
        ETags.require(ifMatch, review.getVersion());
        return review;
    }
}
