package party.platform.admin;

import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import party.platform.PlatformProperties;
import party.platform.audit.AuditLog;
import party.platform.events.DltAdmin;
import party.platform.events.OutboxRelay;
import party.platform.security.CurrentUser;
import party.platform.web.ApiException;
import party.platform.web.PageRequest;
import party.platform.web.PageResponse;

/**
 * Operations of one service for platform admins, under {@code /api/v1/admin/<service-name>} so the
 * gateway can route each service's admin API: dead letters (list, replay), outbox backlog, audit log.
 */
@RestController
@RequestMapping("/api/v1/admin/${spring.application.name}")
@PreAuthorize("hasRole('ADMIN')")
public class AdminController {

    private final DltAdmin dlt;
    private final OutboxRelay relay;
    private final AuditLog audit;
    private final PlatformProperties properties;

    public AdminController(DltAdmin dlt, OutboxRelay relay, AuditLog audit, PlatformProperties properties) {
        this.dlt = dlt;
        this.relay = relay;
        this.audit = audit;
        this.properties = properties;
    }

    @GetMapping("/dlt")
    public List<DltAdmin.DeadLetter> deadLetters() {
        return dlt.list();
    }

    @PostMapping("/dlt/{topic}/{partition}/{offset}/replay")
    public ResponseEntity<DltAdmin.DeadLetter> replay(@PathVariable String topic, @PathVariable int partition,
                                                      @PathVariable long offset) {
        DltAdmin.DeadLetter replayed = dlt.replay(topic, partition, offset);
        if (replayed == null) {
            throw ApiException.notFound("dead-letter-not-found", topic, partition, offset);
        }
        audit.record(CurrentUser.get().id(), "dlt.replay", null, topic + "/" + partition + "/" + offset, "DONE");
        return ResponseEntity.accepted().body(replayed);
    }

    /** Events written but not yet acknowledged by the broker. */
    @GetMapping("/outbox")
    public OutboxStatus outbox() {
        return new OutboxStatus(relay.backlog());
    }

    public record OutboxStatus(long pendingEvents) {
    }

    @GetMapping("/audit")
    public PageResponse<AuditLog.Entry> audit(@RequestParam(required = false) String action,
                                              @RequestParam(required = false) String orgId,
                                              @RequestParam(required = false) String actor,
                                              @RequestParam(required = false) Integer page,
                                              @RequestParam(required = false) Integer size) {
        return audit.find(action, orgId, actor, PageRequest.of(page, size, properties.paging()));
    }
}
