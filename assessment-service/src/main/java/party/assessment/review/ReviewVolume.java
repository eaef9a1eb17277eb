package party.assessment.review;

import org.springframework.stereotype.Component;
import party.assessment.config.Orgs;
import party.platform.audit.AuditLog;
import party.platform.orgtree.OrgNode;
import party.platform.security.CurrentUser;

/** Builds the bound volume of a subtree's secretary reports for a year; the export is audit-logged. */
@Component
public class ReviewVolume {

    private final ReviewService reviews;
    private final Orgs orgs;
    private final AuditLog audit;

    ReviewVolume(ReviewService reviews, Orgs orgs, AuditLog audit) {
        this.reviews = reviews;
        this.orgs = orgs;
        this.audit = audit;
    }

    public byte[] export(String orgId, int year, CurrentUser user) {
        OrgNode org = orgs.visible(orgId, user);
        var list = reviews.ofSubtree(org, year);
        audit.record(user.id(), "secretary-review.volume.export", org.id(), String.valueOf(year), "ALLOWED");
        return ReviewExport.boundVolume(year + "年党支部书记抓基层党建述职报告合订本", list, id -> {
            OrgNode node = orgs.find(id);
            return node == null || node.name() == null ? id : node.name();
        });
    }
}
