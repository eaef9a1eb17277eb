package party.organization.liaison;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Yearly research figures of a subtree (the seed: "班子成员高质量完成调研28次，累计查摆问题42个"):
 * trips and problems per leader and in total, counted by the trip date's year.
 *
 * @param leaders most trips first
 */
public record ResearchSummary(String orgId, int year, Totals totals, List<LeaderFigures> leaders) {

    /** @param leaders how many leaders made at least one trip */
    public record Totals(long trips, long problems, long leaders) {
    }

    /** @param leaderName the name given on the leader's latest trip of the year */
    public record LeaderFigures(String leaderId, String leaderName, long trips, long problems) {
    }

    /** The figures of one trip that the summary reads. */
    record TripFigures(String leaderId, String leaderName, LocalDate date, int problems) {
    }

    static ResearchSummary of(String orgId, int year, List<TripFigures> trips) {
        Map<String, LeaderFigures> byLeader = new LinkedHashMap<>();
        Map<String, LocalDate> latest = new LinkedHashMap<>();
        long problems = 0;
        for (TripFigures trip : trips) {
            problems += trip.problems();
            LeaderFigures before = byLeader.get(trip.leaderId());
            String name = before == null || !trip.date().isBefore(latest.get(trip.leaderId()))
                    ? trip.leaderName() : before.leaderName();
            if (before == null || !trip.date().isBefore(latest.get(trip.leaderId()))) {
                latest.put(trip.leaderId(), trip.date());
            }
            byLeader.put(trip.leaderId(), new LeaderFigures(trip.leaderId(), name,
                    (before == null ? 0 : before.trips()) + 1, (before == null ? 0 : before.problems()) + trip.problems()));
        }
        List<LeaderFigures> leaders = byLeader.values().stream()
                .sorted(Comparator.comparingLong(LeaderFigures::trips).reversed()
                        .thenComparing(Comparator.comparingLong(LeaderFigures::problems).reversed())
                        .thenComparing(LeaderFigures::leaderId))
                .toList();
        return new ResearchSummary(orgId, year, new Totals(trips.size(), problems, leaders.size()), leaders);
    }
}
