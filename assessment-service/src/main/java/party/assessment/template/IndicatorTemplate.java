package party.assessment.template;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.data.mongodb.core.mapping.Document;
import party.platform.events.Aggregate;
import party.platform.web.ApiException;

/**
 * A version of an indicator template (考核指标模板). Only a DRAFT is ever changed; once published it is
 * frozen, and a change means a new version (same code, next number) drafted from it. Score sheets
 * keep the id of the version they were scored against.
 */
@Document(IndicatorTemplate.COLLECTION)
public class IndicatorTemplate extends Aggregate {

    public static final String COLLECTION = "indicator_templates";

    private String code;
    private int templateVersion;
    private TemplateStatus status;
    private TemplateContent content;
    private String basedOn;
    private String createdBy;
    private Instant createdAt;
    private Instant publishedAt;

    IndicatorTemplate() {
    }

    static IndicatorTemplate draft(String id, String code, int templateVersion, TemplateContent content, String basedOn,
                                   String by) {
        IndicatorTemplate template = new IndicatorTemplate();
        template.id = id == null ? UUID.randomUUID().toString() : id;
        template.code = code;
        template.templateVersion = templateVersion;
        template.status = TemplateStatus.DRAFT;
        template.content = content;
        template.basedOn = basedOn;
        template.createdBy = by;
        template.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return template;
    }

    void change(TemplateContent newContent) {
        if (status != TemplateStatus.DRAFT) {
            throw ApiException.conflict("template-not-draft", id);
        }
        content = newContent;
    }

    void publish(String replaces) {
        if (status != TemplateStatus.DRAFT) {
            throw ApiException.conflict("template-not-draft", id);
        }
        if (content.totalMaxScore().compareTo(TemplateContent.TOTAL) != 0) {
            throw ApiException.unprocessable("template-total", content.totalMaxScore().toPlainString());
        }
        status = TemplateStatus.ACTIVE;
        publishedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        int automatic = (int) content.indicators().stream().filter(i -> i.source() == Source.AUTOMATIC).count();
        raise(TemplatePublished.TYPE, new TemplatePublished(id, code, templateVersion, content.name(),
                content.aspects().size(), content.indicators().size(), automatic,
                content.totalMaxScore().stripTrailingZeros().toPlainString(), replaces, nextVersion()));
    }

    void retire() {
        status = TemplateStatus.RETIRED;
    }

    public String getCode() {
        return code;
    }

    public int getTemplateVersion() {
        return templateVersion;
    }

    public TemplateStatus getStatus() {
        return status;
    }

    public TemplateContent getContent() {
        return content;
    }

    public String getBasedOn() {
        return basedOn;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }
}
