package party.training.support;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Secondary indexes of the lists and reports on a real MongoDB (the embedded server ignores
 * non-unique indexes; the hot paths there read by _id). Aggregates get their {_id, version}
 * index from the platform's @Version mapping.
 */
@Component
class Indexes implements InitializingBean {

    private final MongoTemplate mongo;

    Indexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        index("roster_members", "byOrgStatus", "orgId", "status");
        index("session_attendance", "bySession", "sessionId");
        index("training_plans", "byOrgYear", "orgId", "year");
        index("videos", "byOrgUploaded", "orgId", "uploadedAt");
        index("exam_attempts", "byExamMember", "examId", "memberId");
        index("dispatches", "byOrgYear", "orgId", "year");
        index("training_sessions", "byOrgYear", "orgId", "year");
    }

    private void index(String collection, String name, String... keys) {
        Index index = new Index().named(name);
        for (String key : keys) {
            index.on(key, Sort.Direction.ASC);
        }
        mongo.indexOps(collection).createIndex(index);
    }
}
