package party.assessment.template;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import party.platform.events.AggregateStore;
import party.platform.security.OrgScope;
import party.platform.web.ApiException;
import party.platform.web.ETags;
import party.platform.web.PageRequest;
import party.platform.web.PageResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Versioned indicator templates. One template is ACTIVE at a time: new score sheets use it, and
 * publishing another retires it. The default template of the seed ships as data
 * ({@code assessment/default-template.json}) and is loaded at start when absent.
 */
@Service
public class TemplateService implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(TemplateService.class);
    static final String DEFAULT_RESOURCE = "assessment/default-template.json";
    /** Fixed id, so that several instances starting at once load the default only once. */
    public static final String DEFAULT_ID = "default-v1";

    private final MongoTemplate mongo;
    private final AggregateStore store;

    TemplateService(MongoTemplate mongo, AggregateStore store) {
        this.mongo = mongo;
        this.store = store;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(IndicatorTemplate.class).createIndex(new Index().on("code", Sort.Direction.ASC)
                .on("templateVersion", Sort.Direction.ASC).unique().named("codeAndVersion"));
        loadDefault();
    }

    /** Loads the seed's default template, published, unless it is there (or any template is active). */
    void loadDefault() {
        if (mongo.findById(DEFAULT_ID, IndicatorTemplate.class) != null || active().isPresent()) {
            return;
        }
        DefaultTemplate file = readDefault();
        TemplateContent content = new TemplateContent(file.name(), file.aspects(), file.bonusItems(), file.penaltyItems(),
                file.vetoItems());
        content.check();
        IndicatorTemplate template = IndicatorTemplate.draft(DEFAULT_ID, file.code(), 1, content, null, "system");
        template.publish(null);
        try {
            store.save(template);
            log.info("default indicator template loaded: {} aspects, {} indicators", content.aspects().size(),
                    content.indicators().size());
        } catch (DuplicateKeyException loadedByAnotherInstance) {
            // another instance loaded it first
        }
    }

    /** The default template as shipped (for tests and the canvas page). */
    public static DefaultTemplate readDefault() {
        try (InputStream in = TemplateService.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_RESOURCE + " missing");
            }
            return JsonMapper.builder().build().readValue(in, DefaultTemplate.class);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DEFAULT_RESOURCE, e);
        }
    }

    /** The file's shape: the template content plus its code. */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    public record DefaultTemplate(String code, String name, List<TemplateContent.Aspect> aspects,
                                  List<TemplateContent.AdjustmentItem> bonusItems,
                                  List<TemplateContent.AdjustmentItem> penaltyItems,
                                  List<TemplateContent.VetoItem> vetoItems) {
    }

    public java.util.Optional<IndicatorTemplate> active() {
        return java.util.Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("status").is(TemplateStatus.ACTIVE))
                .with(Sort.by(Sort.Direction.DESC, "publishedAt")).limit(1), IndicatorTemplate.class));
    }

    public IndicatorTemplate get(String id) {
        IndicatorTemplate template = id == null ? null : mongo.findById(id, IndicatorTemplate.class);
        if (template == null) {
            throw ApiException.notFound("not-found", OrgScope.resourceName("template"));
        }
        return template;
    }

    public PageResponse<IndicatorTemplate> list(String code, TemplateStatus status, PageRequest page) {
        Criteria criteria = new Criteria();
        if (code != null) {
            criteria = criteria.and("code").is(code);
        }
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, IndicatorTemplate.class);
        List<IndicatorTemplate> items = mongo.find(query.with(Sort.by("code").and(Sort.by(Sort.Direction.DESC, "templateVersion")))
                .skip(page.offset()).limit(page.size()), IndicatorTemplate.class);
        return new PageResponse<>(items, page.page(), page.size(), total);
    }

    /** A new template family (version 1), as a draft. */
    public IndicatorTemplate create(String code, TemplateContent content, String by) {
        content.check();
        if (mongo.exists(Query.query(Criteria.where("code").is(code)), IndicatorTemplate.class)) {
            throw ApiException.conflict("template-code-taken", code);
        }
        return store.save(IndicatorTemplate.draft(null, code, 1, content, null, by));
    }

    /** A copy of any template as a new family the admin can then change (e.g. from the default). */
    public IndicatorTemplate copy(String fromId, String code, String name, String by) {
        IndicatorTemplate from = get(fromId);
        TemplateContent content = from.getContent();
        return create(code, new TemplateContent(name == null || name.isBlank() ? content.name() : name, content.aspects(),
                content.bonusItems(), content.penaltyItems(), content.vetoItems()), by);
    }

    /** The next version of a template's family, drafted from it: how a template in use is changed. */
    public IndicatorTemplate newVersion(String fromId, String by) {
        IndicatorTemplate from = get(fromId);
        IndicatorTemplate latest = mongo.findOne(Query.query(Criteria.where("code").is(from.getCode()))
                .with(Sort.by(Sort.Direction.DESC, "templateVersion")).limit(1), IndicatorTemplate.class);
        if (latest != null && latest.getStatus() == TemplateStatus.DRAFT) {
            throw ApiException.conflict("template-draft-exists", latest.getId());
        }
        int next = (latest == null ? from.getTemplateVersion() : latest.getTemplateVersion()) + 1;
        return store.save(IndicatorTemplate.draft(null, from.getCode(), next, from.getContent(), from.getId(), by));
    }

    /** Changes a draft; a published template is never changed in place (409). */
    public IndicatorTemplate change(String id, TemplateContent content, String ifMatch) {
        IndicatorTemplate template = get(id);
        ETags.require(ifMatch, template.getVersion());
        content.check();
        template.change(content);
        return store.save(template);
    }

    /** Publishes a draft: it becomes the active template, the one active before is retired. */
    public IndicatorTemplate publish(String id, String ifMatch) {
        IndicatorTemplate template = get(id);
        ETags.require(ifMatch, template.getVersion());
        IndicatorTemplate previous = active().orElse(null);
        template.publish(previous == null ? null : previous.getId());
        IndicatorTemplate saved = store.save(template);
        mongo.find(Query.query(Criteria.where("status").is(TemplateStatus.ACTIVE)), IndicatorTemplate.class).stream()
                .filter(other -> !other.getId().equals(saved.getId()))
                .forEach(other -> {
                    other.retire();
                    store.save(other);
                });
        return saved;
    }
}
