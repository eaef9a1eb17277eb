package party.member.development.web;

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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import party.member.development.DevelopmentRecord;
import party.member.development.DevelopmentService;
import party.member.development.Stage;
import party.member.development.TodoItem;
import party.platform.PlatformProperties;
import party.platform.security.CurrentUser;
import party.platform.web.ETags;
import party.platform.web.Idempotency;
import party.platform.web.PageRequest;
import party.platform.web.PageResponse;

/** The member development pipeline (发展党员): applications, the 25 steps, lists and the to-do list. */
@RestController
@RequestMapping(DevelopmentController.PATH)
@PreAuthorize("hasAnyRole('ADMIN', 'ORG_STAFF', 'SECRETARY')")
class DevelopmentController {

    static final String PATH = "/api/v1/development";

    private final DevelopmentService development;
    private final Idempotency idempotency;
    private final PlatformProperties properties;

    DevelopmentController(DevelopmentService development, Idempotency idempotency, PlatformProperties properties) {
        this.development = development;
        this.idempotency = idempotency;
        this.properties = properties;
    }

    /** Step 1: registers the applicant (status APPLICANT) and opens their record; honours Idempotency-Key. */
    @PostMapping
    ResponseEntity<RecordResponse> apply(@Valid @RequestBody ApplicationRequest body,
                                         @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        CurrentUser user = CurrentUser.get();
        Idempotency.Created<DevelopmentRecord> created = idempotency.create(user.id(), key, Idempotency.fingerprint(body),
                () -> development.apply(body.toApplication(), user), DevelopmentRecord::getId,
                id -> development.get(id, user));
        DevelopmentRecord record = created.value();
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create(PATH + "/" + record.getId()))
                .eTag(ETags.of(record.getVersion()))
                .header("Idempotency-Replayed", String.valueOf(created.replayed()))
                .body(RecordResponse.of(record));
    }

    /** Records step {@code n} (1–25) with If-Match of the record's version. */
    @PostMapping("/{id}/steps/{n}")
    ResponseEntity<RecordResponse> recordStep(@PathVariable String id, @PathVariable int n,
                                              @Valid @RequestBody StepRequest body,
                                              @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        DevelopmentRecord record = development.recordStep(id, n, body.toInput(), ifMatch, CurrentUser.get());
        return ResponseEntity.ok().eTag(ETags.of(record.getVersion())).body(RecordResponse.of(record));
    }

    /** The secretary's to-do list: the next step of every open record in the subtree, overdue first. */
    @GetMapping("/todo")
    ResponseEntity<List<TodoItem>> todo(@RequestParam String orgId) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(development.todo(orgId, CurrentUser.get()));
    }

    @GetMapping("/{id}")
    ResponseEntity<RecordResponse> get(@PathVariable String id) {
        DevelopmentRecord record = development.get(id, CurrentUser.get());
        return ResponseEntity.ok().eTag(ETags.of(record.getVersion())).cacheControl(CacheControl.noStore())
                .body(RecordResponse.of(record));
    }

    /** Records of the subtree of {@code orgId}, optionally of one stage or current step. */
    @GetMapping
    ResponseEntity<PageResponse<RecordResponse>> list(@RequestParam String orgId,
                                                      @RequestParam(required = false) Stage stage,
                                                      @RequestParam(required = false) Integer step,
                                                      @RequestParam(required = false) Integer page,
                                                      @RequestParam(required = false) Integer size) {
        PageResponse<RecordResponse> result = development.list(orgId, stage, step,
                PageRequest.of(page, size, properties.paging()), CurrentUser.get()).map(RecordResponse::of);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(result);
    }
}
