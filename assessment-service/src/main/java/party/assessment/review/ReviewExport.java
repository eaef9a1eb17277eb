package party.assessment.review;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import party.assessment.evaluation.Grade;

/**
 * The year's reports of all branches as one Word document: the seed's bound volume (合订本) handed to
 * every branch. Reviewers' individual ratings are not printed, only the committee secretary's comment
 * and the overall rating.
 */
final class ReviewExport {

    static final Map<Grade, String> GRADE_LABELS = Map.of(Grade.GOOD, "好", Grade.FAIRLY_GOOD, "较好", Grade.AVERAGE, "一般",
            Grade.POOR, "差");

    private ReviewExport() {
    }

    static byte[] boundVolume(String title, List<SecretaryReview> reviews, java.util.function.Function<String, String> orgName) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph heading = doc.createParagraph();
            heading.setAlignment(ParagraphAlignment.CENTER);
            XWPFRun h = heading.createRun();
            h.setBold(true);
            h.setFontSize(18);
            h.setText(title);
            boolean first = true;
            for (SecretaryReview review : reviews) {
                XWPFParagraph name = doc.createParagraph();
                if (!first) {
                    name.setPageBreak(true);
                }
                first = false;
                XWPFRun n = name.createRun();
                n.setBold(true);
                n.setFontSize(15);
                n.setText(orgName.apply(review.getOrgId()) + "（" + (review.getMode() == SecretaryReview.Mode.ON_SITE ? "现场述职" : "书面述职") + "）");
                for (String line : (review.getReport() == null ? "" : review.getReport()).split("\\R")) {
                    XWPFParagraph p = doc.createParagraph();
                    p.setFirstLineIndent(480);
                    p.createRun().setText(line);
                }
                if (!review.getCommitments().isEmpty()) {
                    bold(doc, "整改承诺");
                    int i = 1;
                    for (SecretaryReview.Commitment c : review.getCommitments()) {
                        doc.createParagraph().createRun().setText(i++ + ". " + c.problem() + "；措施：" + c.measure() + "；完成时限：" + c.deadline());
                    }
                }
                if (review.getCommitteeComment() != null) {
                    bold(doc, "党委书记点评");
                    doc.createParagraph().createRun().setText(review.getCommitteeComment().comment());
                }
                if (review.getOverallRating() != null) {
                    bold(doc, "综合评价：" + GRADE_LABELS.get(review.getOverallRating()));
                }
            }
            if (reviews.isEmpty()) {
                doc.createParagraph().createRun().addBreak(BreakType.TEXT_WRAPPING);
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void bold(XWPFDocument doc, String text) {
        XWPFRun run = doc.createParagraph().createRun();
        run.setBold(true);
        run.setText(text);
    }
}
