package party.organization.letter;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import party.organization.leadership.Holder;
import party.organization.leadership.LeadershipQueries;
import party.organization.leadership.LeadershipRole;
import party.organization.leadership.TermCalendar;
import party.organization.organization.Organization;
import party.organization.organization.OrganizationService;
import party.platform.events.AggregateStore;
import party.platform.mongo.Finds;
import party.platform.security.CurrentUser;
import party.platform.security.OrgScope;
import party.platform.web.ApiException;
import party.platform.web.ETags;

/** Issuing and signing the yearly responsibility letters, and the yearly report over a subtree. */
@Service
public class LetterService {

    static final String RESOURCE = "responsibility-letter";

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final OrganizationService organizations;
    private final LeadershipQueries leadership;
    private final LetterProperties properties;

    LetterService(MongoTemplate mongo, AggregateStore store, OrganizationService organizations,
                  LeadershipQueries leadership, LetterProperties properties) {
        this.mongo = mongo;
        this.store = store;
        this.organizations = organizations;
        this.leadership = leadership;
        this.properties = properties;
    }

    /**
     * What issuing a letter takes. Without a secretary the current secretary of the branch's
     * leadership is taken; with only a member id, that member must be the current secretary.
     *
     * @param issuedOn null for today
     */
    public record NewLetter(String orgId, int year, String secretaryMemberId, String secretaryName, String contentRef,
                            LocalDate issuedOn) {
    }

    public ResponsibilityLetter issue(CurrentUser user, NewLetter request) {
        Organization org = mongo.findById(request.orgId(), Organization.class);
        // Unknown and out-of-scope look the same, so an id in the body never reveals what exists elsewhere.
        if (org == null || !user.manages(OrgScope.ancestorsAndSelf(org.getId(), org.getAncestors()))) {
            throw ApiException.unprocessable("letter-unknown-organization", request.orgId());
        }
        if (!properties.orgTypes().contains(org.getType())) {
            throw ApiException.unprocessable("letter-not-for-type", org.getType());
        }
        if (org.getStatus() != Organization.Status.ACTIVE) {
            throw ApiException.unprocessable("letter-organization-dissolved", org.getName());
        }
        LocalDate today = TermCalendar.today();
        if (request.year() > today.getYear() + properties.maxYearsAhead()) {
            throw ApiException.unprocessable("letter-year-too-far", request.year(), today.getYear() + properties.maxYearsAhead());
        }
        LocalDate issuedOn = request.issuedOn() == null ? today : request.issuedOn();
        if (issuedOn.isAfter(today)) {
            throw ApiException.unprocessable("letter-date-in-future", issuedOn);
        }
        Holder secretary = secretary(org, request);
        if (Finds.any(mongo, Query.query(Criteria.where("orgYear").is(ResponsibilityLetter.orgYear(org.getId(), request.year()))),
                ResponsibilityLetter.class)) {
            throw ApiException.conflict("letter-exists", org.getName(), request.year());
        }
        try {
            return store.save(ResponsibilityLetter.issue(org.getId(), request.year(), secretary.memberId(), secretary.name(),
                    request.contentRef(), issuedOn));
        } catch (DuplicateKeyException raced) {
            throw ApiException.conflict("letter-exists", org.getName(), request.year());
        }
    }

    /** The letter if the caller may see its branch; otherwise 404, whether or not it exists. */
    public ResponsibilityLetter get(CurrentUser user, String id) {
        ResponsibilityLetter letter = mongo.findById(id, ResponsibilityLetter.class);
        Organization org = letter == null ? null : mongo.findById(letter.getOrgId(), Organization.class);
        if (org == null) {
            throw ApiException.notFound("not-found", OrgScope.resourceName(RESOURCE));
        }
        // Against the branch's ancestors as stored now, so a moved branch's letters follow it.
        OrgScope.requireVisible(user, org.getId(), org.getAncestors(), RESOURCE);
        return letter;
    }

    /** A letter this caller issued under an idempotency key (replay); the key is the caller's own. */
    public ResponsibilityLetter created(String id) {
        ResponsibilityLetter letter = mongo.findById(id, ResponsibilityLetter.class);
        if (letter == null) {
            throw ApiException.notFound("not-found", OrgScope.resourceName(RESOURCE));
        }
        return letter;
    }

    /** Records the signature; the date may be neither in the future nor before the letter was issued. */
    public ResponsibilityLetter sign(CurrentUser user, String id, LocalDate signedOn, String ifMatch) {
        ResponsibilityLetter letter = get(user, id);
        Organization org = mongo.findById(letter.getOrgId(), Organization.class);
        OrgScope.requireManaged(user, org.getId(), org.getAncestors());
        ETags.require(ifMatch, letter.getVersion());
        if (letter.getStatus() == ResponsibilityLetter.Status.SIGNED) {
            throw ApiException.conflict("letter-already-signed", letter.getSignedOn());
        }
        if (signedOn.isAfter(TermCalendar.today())) {
            throw ApiException.unprocessable("letter-date-in-future", signedOn);
        }
        if (signedOn.isBefore(letter.getIssuedOn())) {
            throw ApiException.unprocessable("letter-signed-before-issue", signedOn, letter.getIssuedOn());
        }
        letter.sign(signedOn);
        return store.save(letter);
    }

    /** The year's letters over the subtree, and the branches still without a signed letter. */
    public LetterReport report(CurrentUser user, String orgId, int year) {
        organizations.get(user, orgId);
        Query branchQuery = Query.query(new Criteria().andOperator(
                new Criteria().orOperator(Criteria.where("_id").is(orgId), Criteria.where("ancestors").is(orgId)),
                Criteria.where("status").is(Organization.Status.ACTIVE),
                Criteria.where("type").in(properties.orgTypes())));
        branchQuery.fields().include("_id", "name", "code", "type", "status");
        List<Organization> branches = mongo.find(branchQuery.with(Sort.by("code")), Organization.class);
        Map<String, Organization> byId = branches.stream().collect(Collectors.toMap(Organization::getId, Function.identity()));
        List<ResponsibilityLetter> letters = byId.isEmpty() ? List.of() : mongo.find(Query.query(
                Criteria.where("orgId").in(byId.keySet()).and("year").is(year)), ResponsibilityLetter.class);
        Map<String, ResponsibilityLetter> byOrg = letters.stream()
                .collect(Collectors.toMap(ResponsibilityLetter::getOrgId, Function.identity()));
        List<LetterReport.Missing> missing = branches.stream()
                .filter(b -> byOrg.get(b.getId()) == null || byOrg.get(b.getId()).getStatus() != ResponsibilityLetter.Status.SIGNED)
                .map(b -> {
                    ResponsibilityLetter letter = byOrg.get(b.getId());
                    return new LetterReport.Missing(b.getId(), b.getName(), b.getCode(),
                            letter == null ? LetterReport.Gap.NOT_ISSUED : LetterReport.Gap.NOT_SIGNED,
                            letter == null ? null : letter.getId());
                }).toList();
        long signed = letters.stream().filter(l -> l.getStatus() == ResponsibilityLetter.Status.SIGNED).count();
        List<ResponsibilityLetter> sorted = letters.stream()
                .sorted(Comparator.comparing((ResponsibilityLetter l) -> byId.get(l.getOrgId()).getCode())).toList();
        return new LetterReport(orgId, year, branches.size(), letters.size(), signed, sorted, missing);
    }

    private Holder secretary(Organization org, NewLetter request) {
        if (request.secretaryName() != null) {
            return new Holder(LeadershipRole.SECRETARY, request.secretaryMemberId(),
                    request.secretaryName(), null);
        }
        Holder current = leadership.secretary(org.getId()).orElse(null);
        if (current == null || (request.secretaryMemberId() != null && !request.secretaryMemberId().equals(current.memberId()))) {
            throw ApiException.unprocessable("letter-needs-secretary", org.getName());
        }
        return current;
    }
}
