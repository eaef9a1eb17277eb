package party.training.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import party.platform.orgtree.OrgNode;

/** Lookups of plans by id only (organization and year make the id). */
@Component
public class Plans {

    private final MongoTemplate mongo;

    Plans(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<TrainingPlan> find(String id) {
        return Optional.ofNullable(mongo.findById(id, TrainingPlan.class));
    }

    /** The plan in force for an organization: its own, else the nearest ancestor's. */
    public Optional<TrainingPlan> inForce(OrgNode org, int year) {
        List<String> chain = org.ancestorsAndSelf();
        List<String> ids = new ArrayList<>();
        chain.forEach(id -> ids.add(TrainingPlan.idOf(id, year)));
        List<TrainingPlan> plans = mongo.find(Query.query(Criteria.where("_id").in(ids)), TrainingPlan.class);
        TrainingPlan nearest = null;
        int depth = -1;
        for (TrainingPlan plan : plans) {
            int at = chain.indexOf(plan.getOrgId());
            if (at > depth) {
                depth = at;
                nearest = plan;
            }
        }
        return Optional.ofNullable(nearest);
    }
}
