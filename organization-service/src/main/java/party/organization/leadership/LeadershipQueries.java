package party.organization.leadership;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Read-only answers about current leadership for other features (structure-health flags,
 * responsibility letters). No scope checks here: callers have already checked the organizations
 * they ask about. The bulk variants answer a whole subtree with one query.
 */
@Service
public class LeadershipQueries {

    private final MongoTemplate mongo;

    LeadershipQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The organization's current term, if one was ever recorded. */
    public Optional<Term> currentTerm(String orgId) {
        return Optional.ofNullable(mongo.findById(orgId, Leadership.class)).flatMap(Leadership::current);
    }

    /** The current secretary (the one holder of role SECRETARY), if any. */
    public Optional<Holder> secretary(String orgId) {
        return currentTerm(orgId).flatMap(Term::secretary);
    }

    public boolean hasSecretary(String orgId) {
        return secretary(orgId).isPresent();
    }

    /** A committee: the current term has holders beyond secretary and deputy. */
    public boolean hasCommittee(String orgId) {
        return currentTerm(orgId).map(Term::committee).orElse(false);
    }

    /** The current term's end date lies before {@code today}; false without a term. */
    public boolean termExpired(String orgId, LocalDate today) {
        return currentTerm(orgId).map(t -> TermCalendar.expired(t, today)).orElse(false);
    }

    /** One status per given id (ids without a term get a status with {@code hasTerm=false}), in one query. */
    public Map<String, LeadershipStatus> statuses(Collection<String> orgIds, LocalDate today) {
        Map<String, Term> current = currentTerms(orgIds);
        Map<String, LeadershipStatus> statuses = new LinkedHashMap<>();
        for (String orgId : orgIds) {
            Term term = current.get(orgId);
            statuses.put(orgId, term == null ? LeadershipStatus.none(orgId) : LeadershipStatus.of(term, orgId, today));
        }
        return statuses;
    }

    /** Those of the given organizations that have a secretary now. */
    public Set<String> withSecretary(Collection<String> orgIds) {
        return currentTerms(orgIds).entrySet().stream().filter(e -> e.getValue().secretary().isPresent())
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    /** Those of the given organizations that have a committee now. */
    public Set<String> withCommittee(Collection<String> orgIds) {
        return currentTerms(orgIds).entrySet().stream().filter(e -> e.getValue().committee())
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    /** Those of the given organizations whose current term has expired as of {@code today}. */
    public Set<String> withExpiredTerm(Collection<String> orgIds, LocalDate today) {
        if (orgIds.isEmpty()) {
            return Set.of();
        }
        Query query = Query.query(Criteria.where("_id").in(orgIds).and("currentEndDate").lt(today));
        query.fields().include("_id");
        return mongo.find(query, Leadership.class).stream().map(Leadership::getOrgId).collect(Collectors.toSet());
    }

    private Map<String, Term> currentTerms(Collection<String> orgIds) {
        Map<String, Term> current = new HashMap<>();
        if (orgIds.isEmpty()) {
            return current;
        }
        for (Leadership leadership : mongo.find(Query.query(Criteria.where("_id").in(orgIds)), Leadership.class)) {
            leadership.current().ifPresent(term -> current.put(leadership.getOrgId(), term));
        }
        return current;
    }
}
