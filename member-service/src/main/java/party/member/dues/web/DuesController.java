package party.member.dues.web;

import jakarta.validation.Valid;
import java.net.URI;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import party.member.dues.DuesBase;
import party.member.dues.DuesMonths;
import party.member.dues.DuesPayment;
import party.member.dues.DuesReports;
import party.member.dues.DuesService;
import party.member.dues.web.DuesResponses.BaseResponse;
import party.member.dues.web.DuesResponses.BillResponse;
import party.member.dues.web.DuesResponses.PaymentResponse;
import party.platform.PlatformProperties;
import party.platform.security.CurrentUser;
import party.platform.web.ETags;
import party.platform.web.Idempotency;
import party.platform.web.PageRequest;
import party.platform.web.PageResponse;

/**
 * Party dues (党费): bases, monthly bills, payments and reports. Managers of a member's branch (or of
 * an organization above it) see and record the member's dues; months are calendar months in
 * Asia/Shanghai, written {@code yyyy-MM}; amounts are yuan with 2 decimals.
 */
@RestController
@RequestMapping(DuesController.PATH)
@PreAuthorize("hasAnyRole('ADMIN', 'ORG_STAFF', 'SECRETARY')")
class DuesController {

    static final String PATH = "/api/v1/dues";

    private final DuesService dues;
    private final DuesReports reports;
    private final Idempotency idempotency;
    private final PlatformProperties properties;

    DuesController(DuesService dues, DuesReports reports, Idempotency idempotency, PlatformProperties properties) {
        this.dues = dues;
        this.reports = reports;
        this.idempotency = idempotency;
        this.properties = properties;
    }

    /** Sets the member's base from a month on; setting the same month again replaces it. */
    @PutMapping("/members/{memberId}/base")
    ResponseEntity<BaseResponse> setBase(@PathVariable String memberId, @Valid @RequestBody SetBaseRequest body,
                                         @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        DuesBase base = dues.setBase(memberId, DuesMonths.parse(body.effectiveFrom()), body.category(), body.base(),
                body.farmerAmount(), ifMatch, CurrentUser.get());
        return ResponseEntity.ok().eTag(ETags.of(base.version())).cacheControl(CacheControl.noStore())
                .body(BaseResponse.of(base));
    }

    /** The base in force for a month (default: this month), with the ETag to replace it. */
    @GetMapping("/members/{memberId}/base")
    ResponseEntity<BaseResponse> base(@PathVariable String memberId, @RequestParam(required = false) String month) {
        DuesBase base = dues.baseInForce(memberId, month == null ? DuesMonths.current() : DuesMonths.parse(month),
                CurrentUser.get());
        return ResponseEntity.ok().eTag(ETags.of(base.version())).cacheControl(CacheControl.noStore())
                .body(BaseResponse.of(base));
    }

    /** Bills a month for the subtree's members; running it again bills only who is missing. */
    @PostMapping("/organizations/{orgId}/bills")
    ResponseEntity<DuesService.BillRun> generateBills(@PathVariable String orgId, @RequestParam String month) {
        return ResponseEntity.ok(dues.generateBills(orgId, DuesMonths.parse(month), CurrentUser.get()));
    }

    @GetMapping("/members/{memberId}/bills")
    ResponseEntity<PageResponse<BillResponse>> bills(@PathVariable String memberId,
                                                     @RequestParam(required = false) Integer page,
                                                     @RequestParam(required = false) Integer size) {
        PageResponse<BillResponse> result = dues.bills(memberId, PageRequest.of(page, size, properties.paging()),
                CurrentUser.get()).map(BillResponse::of);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(result);
    }

    /** Records a payment; a replay with the same {@code Idempotency-Key} answers the same payment. */
    @PostMapping("/payments")
    ResponseEntity<PaymentResponse> pay(@Valid @RequestBody PaymentRequest body,
                                        @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        CurrentUser user = CurrentUser.get();
        Idempotency.Created<DuesPayment> created = idempotency.create(user.id(), key, Idempotency.fingerprint(body),
                () -> dues.pay(body.toNewPayment(), user), DuesPayment::getId, id -> dues.payment(id, user));
        DuesPayment payment = created.value();
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create(PATH + "/payments/" + payment.getId()))
                .eTag(ETags.of(payment.getVersion()))
                .header("Idempotency-Replayed", String.valueOf(created.replayed()))
                .cacheControl(CacheControl.noStore())
                .body(PaymentResponse.of(payment));
    }

    @GetMapping("/payments/{id}")
    ResponseEntity<PaymentResponse> payment(@PathVariable String id) {
        DuesPayment payment = dues.payment(id, CurrentUser.get());
        return ResponseEntity.ok().eTag(ETags.of(payment.getVersion())).cacheControl(CacheControl.noStore())
                .body(PaymentResponse.of(payment));
    }

    @GetMapping("/organizations/{orgId}/arrears")
    ResponseEntity<DuesReports.Arrears> arrears(@PathVariable String orgId, @RequestParam(required = false) String asOf) {
        var month = asOf == null ? DuesMonths.current() : DuesMonths.parse(asOf);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(reports.arrears(orgId, month, CurrentUser.get()));
    }

    @GetMapping("/organizations/{orgId}/collected")
    ResponseEntity<DuesReports.Collected> collected(@PathVariable String orgId, @RequestParam int year,
                                                    @RequestParam(required = false) Integer month) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(reports.collected(orgId, year, month, CurrentUser.get()));
    }

}
