package party.member.status.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import party.member.status.StatusDecision;
import party.member.status.StatusDecisionService;
import party.platform.security.CurrentUser;
import party.platform.web.ETags;
import party.platform.web.Idempotency;

/** Status decisions on a member (death, leaving, expulsion, handling of unqualified members). */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'ORG_STAFF', 'SECRETARY')")
class StatusDecisionController {

    static final String PATH = "/api/v1/members/{memberId}/status-decisions";

    private final StatusDecisionService decisions;
    private final Idempotency idempotency;

    StatusDecisionController(StatusDecisionService decisions, Idempotency idempotency) {
        this.decisions = decisions;
        this.idempotency = idempotency;
    }

    /**
     * Records a decision; needs {@code If-Match} with the member's ETag. A replay with the same
     * {@code Idempotency-Key} answers the same decision.
     */
    @PostMapping(PATH)
    ResponseEntity<StatusDecisionResponse> decide(@PathVariable String memberId,
                                                  @Valid @RequestBody StatusDecisionRequest body,
                                                  @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                  @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        CurrentUser user = CurrentUser.get();
        Idempotency.Created<StatusDecision> created = idempotency.create(user.id(), key,
                Idempotency.fingerprint(List.of(memberId, body)),
                () -> decisions.decide(memberId, body.toNewStatusDecision(), ifMatch, user), StatusDecision::getId,
                id -> decisions.get(id, user));
        StatusDecision decision = created.value();
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/members/" + memberId + "/status-decisions/" + decision.getId()))
                .eTag(ETags.of(decision.getVersion()))
                .header("Idempotency-Replayed", String.valueOf(created.replayed()))
                .cacheControl(CacheControl.noStore())
                .body(StatusDecisionResponse.of(decision));
    }

    /** The member's decisions, newest first. */
    @GetMapping(PATH)
    ResponseEntity<List<StatusDecisionResponse>> list(@PathVariable String memberId) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(decisions.list(memberId, CurrentUser.get()).stream().map(StatusDecisionResponse::of).toList());
    }
}
