package party.organization.leadership;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import party.organization.organization.Organization;
import party.organization.organization.OrganizationType;

/** The active organizations of some types in a subtree, read with only the fields the lists show. */
@Component
class SubtreeOrganizations {

    private final MongoTemplate mongo;

    SubtreeOrganizations(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Active organizations of the given types in the subtree of {@code rootId} (itself included), by code. */
    List<Organization> active(String rootId, Collection<OrganizationType> types) {
        Query query = Query.query(new Criteria().andOperator(
                new Criteria().orOperator(Criteria.where("_id").is(rootId), Criteria.where("ancestors").is(rootId)),
                Criteria.where("status").is(Organization.Status.ACTIVE),
                Criteria.where("type").in(types)));
        query.fields().include("_id", "name", "code", "type", "status");
        return mongo.find(query.with(Sort.by("code")), Organization.class);
    }
}
