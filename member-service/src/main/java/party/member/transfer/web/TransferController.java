package party.member.transfer.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import party.member.transfer.Transfer;
import party.member.transfer.TransferQueue;
import party.member.transfer.TransferService;
import party.platform.PlatformProperties;
import party.platform.security.CurrentUser;
import party.platform.web.ApiException;
import party.platform.web.ETags;
import party.platform.web.Idempotency;
import party.platform.web.PageRequest;
import party.platform.web.PageResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Relation transfers (组织关系转接). Issuing needs the member's ETag in {@code If-Match}; deciding
 * (accept, reject, revoke) needs the transfer's ETag. {@code /api/v1/transfers/**} needs a gateway route.
 */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'ORG_STAFF', 'SECRETARY')")
class TransferController {

    static final String PATH = "/api/v1/transfers";

    private final TransferService transfers;
    private final Idempotency idempotency;
    private final PlatformProperties properties;
    private final JsonMapper json;

    TransferController(TransferService transfers, Idempotency idempotency, PlatformProperties properties, JsonMapper json) {
        this.transfers = transfers;
        this.idempotency = idempotency;
        this.properties = properties;
        this.json = json;
    }

    /** Issues an introduction letter; a replay with the same {@code Idempotency-Key} answers the same transfer. */
    @PostMapping("/api/v1/members/{memberId}/transfers")
    ResponseEntity<TransferResponse> issue(@PathVariable String memberId, @Valid @RequestBody IssueTransferRequest body,
                                           @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                           @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        CurrentUser user = CurrentUser.get();
        Idempotency.Created<Transfer> created = idempotency.create(user.id(), key, fingerprint(memberId, body),
                () -> transfers.issue(memberId, ifMatch, body.toNewTransfer(), user), Transfer::getId,
                id -> transfers.get(id, user));
        Transfer transfer = created.value();
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create(PATH + "/" + transfer.getId()))
                .eTag(ETags.of(transfer.getVersion()))
                .header("Idempotency-Replayed", String.valueOf(created.replayed()))
                .cacheControl(CacheControl.noStore())
                .body(TransferResponse.of(transfer, transfers.today()));
    }

    @GetMapping(PATH + "/{id}")
    ResponseEntity<TransferResponse> get(@PathVariable String id) {
        return single(transfers.get(id, CurrentUser.get()));
    }

    @PostMapping(PATH + "/{id}/accept")
    ResponseEntity<TransferResponse> accept(@PathVariable String id,
                                            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return single(transfers.accept(id, ifMatch, CurrentUser.get()));
    }

    @PostMapping(PATH + "/{id}/reject")
    ResponseEntity<TransferResponse> reject(@PathVariable String id, @Valid @RequestBody DecisionRequest body,
                                            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        if (body.reason() == null || body.reason().isBlank()) {
            throw ApiException.badRequest("transfer-reason-required");
        }
        return single(transfers.reject(id, ifMatch, body.reason(), CurrentUser.get()));
    }

    @PostMapping(PATH + "/{id}/revoke")
    ResponseEntity<TransferResponse> revoke(@PathVariable String id,
                                            @Valid @RequestBody(required = false) DecisionRequest body,
                                            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return single(transfers.revoke(id, ifMatch, body == null ? null : body.reason(), CurrentUser.get()));
    }

    /** A work queue of the subtree of {@code orgId}: TO_DO, IN_PROGRESS, DUE_SOON or HISTORY. */
    @GetMapping(PATH + "/queues")
    ResponseEntity<PageResponse<TransferResponse>> queue(@RequestParam String orgId, @RequestParam TransferQueue queue,
                                                         @RequestParam(required = false) Integer page,
                                                         @RequestParam(required = false) Integer size) {
        var today = transfers.today();
        PageResponse<TransferResponse> result = transfers.queue(orgId, queue,
                PageRequest.of(page, size, properties.paging()), CurrentUser.get()).map(t -> TransferResponse.of(t, today));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(result);
    }

    private ResponseEntity<TransferResponse> single(Transfer transfer) {
        return ResponseEntity.ok().eTag(ETags.of(transfer.getVersion())).cacheControl(CacheControl.noStore())
                .body(TransferResponse.of(transfer, transfers.today()));
    }

    private String fingerprint(String memberId, IssueTransferRequest body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(memberId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(json.writeValueAsBytes(body)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
