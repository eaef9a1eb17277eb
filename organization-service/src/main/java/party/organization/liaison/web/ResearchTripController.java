package party.organization.liaison.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import party.organization.liaison.ProblemFound;
import party.organization.liaison.ResearchSummary;
import party.organization.liaison.ResearchTrip;
import party.organization.liaison.ResearchTripService;
import party.platform.PlatformProperties;
import party.platform.security.CurrentUser;
import party.platform.web.ETags;
import party.platform.web.Idempotency;
import party.platform.web.PageRequest;
import party.platform.web.PageResponse;

/** Research trips (调研) and their yearly figures over HTTP. */
@RestController
@RequestMapping("/api/v1")
class ResearchTripController {

    private final ResearchTripService trips;
    private final Idempotency idempotency;
    private final PlatformProperties properties;
    private final MessageSource messages;

    ResearchTripController(ResearchTripService trips, Idempotency idempotency, PlatformProperties properties,
                           MessageSource messages) {
        this.trips = trips;
        this.idempotency = idempotency;
        this.properties = properties;
        this.messages = messages;
    }

    record NewProblem(@NotBlank @Size(max = 1000) String description,
                      @NotBlank @Size(max = 40) String category,
                      @Size(max = 1000) String measure,
                      LocalDate deadline) {
    }

    record RecordTrip(@NotBlank @Size(max = 200) String topic,
                      @NotNull LocalDate date,
                      @NotBlank @Size(max = 64) String leaderId,
                      @NotBlank @Size(max = 50) String leaderName,
                      @NotBlank @Size(max = 64) String orgId,
                      @Size(max = 5000) String summary,
                      @Size(max = 100) List<@NotNull @Valid NewProblem> problems) {
    }

    record ResearchTripView(String id, String topic, LocalDate date, String leaderId, String leaderName, String orgId,
                            String orgName, String summary, List<ProblemFound> problems, int problemCount,
                            java.time.Instant recordedAt, long version) {
        static ResearchTripView of(ResearchTrip trip, String orgName) {
            return new ResearchTripView(trip.getId(), trip.getTopic(), trip.getDate(), trip.getLeaderId(),
                    trip.getLeaderName(), trip.getOrgId(), orgName, trip.getSummary(), trip.getProblems(),
                    trip.getProblemCount(), trip.getRecordedAt(), trip.getVersion() == null ? 0 : trip.getVersion());
        }
    }

    /** A research area a problem may be filed under, with its name in the caller's language. */
    record Category(String code, String name) {
    }

    @PostMapping("/research-trips")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_STAFF')")
    ResponseEntity<ResearchTripView> record(@Valid @RequestBody RecordTrip request,
                                            @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        CurrentUser user = CurrentUser.get();
        Idempotency.Created<ResearchTrip> created = idempotency.create(user.id(), key, Idempotency.fingerprint(request), () -> {
            return trips.record(user, new ResearchTripService.NewTrip(request.topic(), request.date(),
                    request.leaderId(), request.leaderName(), request.orgId(), request.summary(),
                    request.problems() == null ? List.of() : request.problems().stream()
                            .map(p -> new ResearchTrip.NewProblem(p.description(), p.category(), p.measure(), p.deadline()))
                            .toList()));
        }, ResearchTrip::getId, trips::created);
        ResearchTrip trip = created.value();
        return ResponseEntity.created(URI.create("/api/v1/research-trips/" + trip.getId()))
                .eTag(ETags.of(trip.getVersion())).body(view(trip));
    }

    @GetMapping("/research-trips/{id}")
    ResponseEntity<ResearchTripView> get(@PathVariable String id) {
        ResearchTrip trip = trips.get(CurrentUser.get(), id);
        return ResponseEntity.ok().eTag(ETags.of(trip.getVersion())).body(view(trip));
    }

    /** The research areas problems are filed under (configurable, see {@code party.organization.liaison}). */
    @GetMapping("/research-trips/problem-categories")
    List<Category> categories() {
        return trips.categories().stream().map(code -> new Category(code,
                messages.getMessage("research.category." + code, null, code, LocaleContextHolder.getLocale()))).toList();
    }

    @GetMapping("/organizations/{id}/research-trips")
    PageResponse<ResearchTripView> inSubtree(@PathVariable String id,
                                             @RequestParam(required = false) Integer year,
                                             @RequestParam(required = false) String leaderId,
                                             @RequestParam(required = false) Integer page,
                                             @RequestParam(required = false) Integer size) {
        PageResponse<ResearchTrip> found = trips.inSubtree(CurrentUser.get(), id, year, leaderId,
                PageRequest.of(page, size, properties.paging()));
        Map<String, String> names = trips.orgNames(found.items().stream().map(ResearchTrip::getOrgId).toList());
        return found.map(trip -> ResearchTripView.of(trip, names.get(trip.getOrgId())));
    }

    /** Trips and problems per leader and in total, by the trip date's year (this year in Asia/Shanghai when absent). */
    @GetMapping("/organizations/{id}/research/summary")
    ResearchSummary summary(@PathVariable String id, @RequestParam(required = false) Integer year) {
        return trips.summary(CurrentUser.get(), id, year);
    }

    private ResearchTripView view(ResearchTrip trip) {
        return ResearchTripView.of(trip, trips.orgNames(List.of(trip.getOrgId())).get(trip.getOrgId()));
    }
}
