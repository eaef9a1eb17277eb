package party.organization.liaison;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import party.platform.events.Aggregate;
import party.platform.web.ApiException;

/**
 * A research trip (调研) of a leader to a branch: topic, date, summary and the problems found. Each
 * problem is published on its own so assessment-service can open a rectification item for it.
 */
@Document("research_trips")
@CompoundIndex(name = "org_year", def = "{'orgId': 1, 'year': 1}")
public class ResearchTrip extends Aggregate {

    public static final String RECORDED = "party.organization.research-trip-recorded.v1";
    public static final String PROBLEM_FOUND = "party.organization.research-problem-found.v1";

    private String topic;
    private LocalDate date;
    /** The date's calendar year, kept for the yearly figures. */
    private int year;
    @Indexed
    private String leaderId;
    private String leaderName;
    private String orgId;
    private String summary;
    private List<ProblemFound> problems = new ArrayList<>();
    private int problemCount;
    private String recordedBy;
    private Instant recordedAt;

    protected ResearchTrip() {
    }

    /** A problem as the request names it, before it gets an id. */
    public record NewProblem(String description, String category, String measure, LocalDate deadline) {
    }

    /**
     * @param today today in Asia/Shanghai: a trip cannot be recorded before it happened
     * @param categories the research areas a problem may be filed under
     */
    static ResearchTrip record(String topic, LocalDate date, String leaderId, String leaderName, String orgId,
                               String summary, List<NewProblem> problems, LocalDate today,
                               Collection<String> categories, String recordedBy) {
        if (date.isAfter(today)) {
            throw ApiException.unprocessable("research-date-in-future", date);
        }
        ResearchTrip trip = new ResearchTrip();
        trip.id = UUID.randomUUID().toString();
        trip.topic = topic;
        trip.date = date;
        trip.year = date.getYear();
        trip.leaderId = leaderId;
        trip.leaderName = leaderName;
        trip.orgId = orgId;
        trip.summary = summary;
        for (NewProblem problem : problems == null ? List.<NewProblem>of() : problems) {
            if (!categories.contains(problem.category())) {
                throw ApiException.unprocessable("research-unknown-category", problem.category(),
                        String.join(", ", categories));
            }
            if (problem.deadline() != null && problem.deadline().isBefore(date)) {
                throw ApiException.unprocessable("research-deadline-before-trip", problem.deadline(), date);
            }
            trip.problems.add(new ProblemFound(UUID.randomUUID().toString(), problem.description(), problem.category(),
                    blankToNull(problem.measure()), problem.deadline()));
        }
        trip.problemCount = trip.problems.size();
        trip.recordedBy = recordedBy;
        trip.recordedAt = Instant.now();
        long version = trip.nextVersion();
        trip.raise(RECORDED, new Recorded(trip.id, trip.orgId, trip.leaderId, trip.topic, trip.date,
                trip.problems.stream().map(ProblemFound::problemId).toList(), trip.problemCount, version));
        for (ProblemFound problem : trip.problems) {
            trip.raise(PROBLEM_FOUND, new Found(trip.id, problem.problemId(), trip.orgId, problem.description(),
                    problem.category(), problem.measure(), problem.deadline(), trip.date, version));
        }
        return trip;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** The trip, without the leader's name (no personal data in events) and without the summary text. */
    record Recorded(String tripId, String orgId, String leaderId, String topic, LocalDate date, List<String> problemIds,
                    int problemCount, long version) {
    }

    /** One problem for rectification tracking; {@code foundOn} is the trip's date. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record Found(String tripId, String problemId, String orgId, String description, String category, String measure,
                 LocalDate deadline, LocalDate foundOn, long version) {
    }

    public String getTopic() {
        return topic;
    }

    public LocalDate getDate() {
        return date;
    }

    public int getYear() {
        return year;
    }

    public String getLeaderId() {
        return leaderId;
    }

    public String getLeaderName() {
        return leaderName;
    }

    public String getOrgId() {
        return orgId;
    }

    public String getSummary() {
        return summary;
    }

    public List<ProblemFound> getProblems() {
        return problems;
    }

    public int getProblemCount() {
        return problemCount;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
