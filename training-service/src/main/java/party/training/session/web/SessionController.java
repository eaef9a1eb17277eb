package party.training.session.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import party.platform.PlatformProperties;
import party.platform.security.CurrentUser;
import party.platform.web.ETags;
import party.platform.web.Idempotency;
import party.platform.web.PageRequest;
import party.platform.web.PageResponse;
import party.training.session.RecurrenceRule;
import party.training.session.SessionMode;
import party.training.session.SessionService;
import party.training.session.TrainingSession;
import party.training.support.Hours;
import party.training.support.Scopes;

/** Sessions: created one by one or generated from a recurrence rule, edited, cancelled. */
@RestController
class SessionController {

    static final String PATH = "/api/v1/trainings";

    private final SessionService sessions;
    private final Scopes scopes;
    private final Idempotency idempotency;
    private final PlatformProperties properties;

    SessionController(SessionService sessions, Scopes scopes, Idempotency idempotency, PlatformProperties properties) {
        this.sessions = sessions;
        this.scopes = scopes;
        this.idempotency = idempotency;
        this.properties = properties;
    }

    @PostMapping(PATH + "/plans/{planId}/sessions")
    @PreAuthorize("hasAnyRole('ADMIN','ORG_STAFF','SECRETARY')")
    ResponseEntity<SessionResponse> create(@PathVariable String planId, @Valid @RequestBody SessionRequest body,
                                           @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        CurrentUser user = CurrentUser.get();
        Idempotency.Created<TrainingSession> created = idempotency.create(user.id(), key, Idempotency.fingerprint(body),
                () -> sessions.create(planId, body.toNew(), user), TrainingSession::getId, id -> sessions.get(id, user));
        TrainingSession session = created.value();
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create(PATH + "/sessions/" + session.getId()))
                .eTag(ETags.of(session.getVersion())).header("Idempotency-Replayed", String.valueOf(created.replayed()))
                .cacheControl(CacheControl.noStore()).body(SessionResponse.of(session, true));
    }

    /** Sessions on every day of a recurrence rule in the plan's year; days that already have one are skipped. */
    @PostMapping(PATH + "/plans/{planId}/sessions/generate")
    @PreAuthorize("hasAnyRole('ADMIN','ORG_STAFF','SECRETARY')")
    ResponseEntity<GeneratedResponse> generate(@PathVariable String planId, @Valid @RequestBody GenerateRequest body) {
        SessionService.Generated generated = sessions.generate(planId, new RecurrenceRule(body.byDay(), body.fromMonth(),
                body.toMonth(), body.startTime(), body.endTime()), new SessionService.NewSession(body.title(), body.courseId(),
                SessionMode.valueOf(body.mode()), null, null, body.location(), centi(body.creditHours()), body.videoId()),
                CurrentUser.get());
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(new GeneratedResponse(
                generated.created().size(), generated.skipped(),
                generated.created().stream().map(s -> SessionResponse.of(s, true)).toList()));
    }

    @GetMapping(PATH + "/sessions/{id}")
    ResponseEntity<SessionResponse> get(@PathVariable String id) {
        CurrentUser user = CurrentUser.get();
        TrainingSession session = sessions.get(id, user);
        return ResponseEntity.ok().eTag(ETags.of(session.getVersion())).cacheControl(CacheControl.noStore())
                .body(SessionResponse.of(session, scopes.manages(user, session.getOrgId())));
    }

    @GetMapping(PATH + "/sessions")
    ResponseEntity<PageResponse<SessionResponse>> list(@RequestParam String orgId, @RequestParam(required = false) Instant from,
                                                       @RequestParam(required = false) Instant to,
                                                       @RequestParam(required = false) Integer page,
                                                       @RequestParam(required = false) Integer size) {
        CurrentUser user = CurrentUser.get();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(sessions.list(orgId, from, to,
                PageRequest.of(page, size, properties.paging()), user).map(s -> SessionResponse.of(s, true)));
    }

    /** The caller's own sessions (member account): of their branch and the organizations above it; no check-in codes. */
    @GetMapping(PATH + "/me/sessions")
    ResponseEntity<PageResponse<SessionResponse>> mine(@RequestParam(required = false) Instant from,
                                                       @RequestParam(required = false) Instant to,
                                                       @RequestParam(required = false) Integer page,
                                                       @RequestParam(required = false) Integer size) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(sessions.forMember(CurrentUser.get(), from, to,
                PageRequest.of(page, size, properties.paging())).map(s -> SessionResponse.of(s, false)));
    }

    @PutMapping(PATH + "/sessions/{id}")
    @PreAuthorize("hasAnyRole('ADMIN','ORG_STAFF','SECRETARY')")
    ResponseEntity<SessionResponse> edit(@PathVariable String id, @Valid @RequestBody SessionRequest body,
                                         @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        TrainingSession session = sessions.edit(id, body.toNew(), ifMatch, CurrentUser.get());
        return ResponseEntity.ok().eTag(ETags.of(session.getVersion())).cacheControl(CacheControl.noStore())
                .body(SessionResponse.of(session, true));
    }

    @PostMapping(PATH + "/sessions/{id}/cancel")
    @PreAuthorize("hasAnyRole('ADMIN','ORG_STAFF','SECRETARY')")
    ResponseEntity<SessionResponse> cancel(@PathVariable String id,
                                           @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        TrainingSession session = sessions.cancel(id, ifMatch, CurrentUser.get());
        return ResponseEntity.ok().eTag(ETags.of(session.getVersion())).cacheControl(CacheControl.noStore())
                .body(SessionResponse.of(session, true));
    }

    static Long centi(BigDecimal hours) {
        return hours == null ? null : Hours.centi(hours);
    }

    static final String MODES = "ONSITE|LIVE|RECORDED";

    record SessionRequest(@NotBlank @Size(max = 200) String title, @Size(max = 64) String courseId,
                          @NotNull @Pattern(regexp = MODES) String mode, @NotNull Instant startsAt, @NotNull Instant endsAt,
                          @Size(max = 200) String location, @DecimalMin("0") @DecimalMax("24") BigDecimal creditHours,
                          @Size(max = 64) String videoId) {
        SessionService.NewSession toNew() {
            return new SessionService.NewSession(title, courseId, SessionMode.valueOf(mode), startsAt, endsAt, location,
                    centi(creditHours), videoId);
        }
    }

    record GenerateRequest(@NotEmpty @Size(max = 10) List<@NotBlank String> byDay, @NotNull @Min(1) @Max(12) Integer fromMonth,
                           @NotNull @Min(1) @Max(12) Integer toMonth, @NotNull LocalTime startTime, @NotNull LocalTime endTime,
                           @NotBlank @Size(max = 200) String title, @Size(max = 64) String courseId,
                           @NotNull @Pattern(regexp = MODES) String mode, @Size(max = 200) String location,
                           @DecimalMin("0") @DecimalMax("24") BigDecimal creditHours, @Size(max = 64) String videoId) {
    }

    record GeneratedResponse(int created, int skipped, List<SessionResponse> sessions) {
    }

    /** A session; the check-in code only for those who manage it. */
    record SessionResponse(String id, String planId, String orgId, int year, String title, String courseId, String mode,
                           String status, Instant startsAt, Instant endsAt, String location, BigDecimal creditHours,
                           String videoId, TrainingSession.Conference conference, String checkInCode, long version) {
        static SessionResponse of(TrainingSession s, boolean manager) {
            return new SessionResponse(s.getId(), s.getPlanId(), s.getOrgId(), s.getYear(), s.getTitle(), s.getCourseId(),
                    s.getMode().name(), s.getStatus().name(), s.getStartsAt(), s.getEndsAt(), s.getLocation(),
                    Hours.decimal(s.getCreditCenti()), s.getVideoId(), s.getConference(), manager ? s.getCheckInCode() : null,
                    s.getVersion() == null ? 0 : s.getVersion());
        }
    }
}
