package party.member.member.web;

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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import party.member.member.Member;
import party.member.member.MemberService;
import party.member.member.MemberStatus;
import party.member.member.NationalIdNumber;
import party.platform.PlatformProperties;
import party.platform.security.CurrentUser;
import party.platform.web.ETags;
import party.platform.web.Idempotency;
import party.platform.web.PageRequest;
import party.platform.web.PageResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The member registry's API. Personal data is masked unless the caller holds {@code pii:read} and
 * asks with {@code ?unmasked=true}; asking without the permission is a 403, and every such request,
 * allowed or denied, is audit-logged ({@code member.pii.read}).
 */
@RestController
@RequestMapping(MemberController.PATH)
@PreAuthorize("hasAnyRole('ADMIN', 'ORG_STAFF', 'SECRETARY')")
class MemberController {

    static final String PATH = "/api/v1/members";

    private final MemberService members;
    private final Idempotency idempotency;
    private final PlatformProperties properties;
    private final JsonMapper json;

    MemberController(MemberService members, Idempotency idempotency, PlatformProperties properties, JsonMapper json) {
        this.members = members;
        this.idempotency = idempotency;
        this.properties = properties;
        this.json = json;
    }

    /** Registers a member into a branch; a replay with the same {@code Idempotency-Key} answers the same member. */
    @PostMapping
    ResponseEntity<MemberResponse> register(@Valid @RequestBody RegisterMemberRequest body,
                                            @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        CurrentUser user = CurrentUser.get();
        Idempotency.Created<Member> created = idempotency.create(user.id(), key, fingerprint(body),
                () -> members.register(body.toNewMember(), user), Member::getId, id -> members.get(id, user));
        Member member = created.value();
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create(PATH + "/" + member.getId()))
                .eTag(ETags.of(member.getVersion()))
                .header("Idempotency-Replayed", String.valueOf(created.replayed()))
                .cacheControl(CacheControl.noStore())
                .body(MemberResponse.of(member, members.masked(member), true));
    }

    /**
     * Registers up to 500 members at once, all or nothing: a refusal (field errors, or a 422 whose
     * {@code errors} name each refused item by index) stores nothing. A retried batch that went
     * through is refused as duplicates, so a retry can never register anyone twice.
     */
    @PostMapping("/batch")
    ResponseEntity<java.util.List<RegisteredMember>> registerAll(@Valid @RequestBody RegisterMembersRequest body) {
        CurrentUser user = CurrentUser.get();
        java.util.List<Member> created = members.registerAll(
                body.members().stream().map(RegisterMemberRequest::toNewMember).toList(), user);
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(created.stream().map(RegisteredMember::of).toList());
    }

    /**
     * Replaces name, phone and profile (ethnicity, native place, education, work unit, position,
     * occupation, Party group); needs {@code If-Match} with the member's ETag.
     */
    @PutMapping("/{id}/profile")
    ResponseEntity<MemberResponse> updateProfile(@PathVariable String id, @Valid @RequestBody ProfileRequest body,
                                                 @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        CurrentUser user = CurrentUser.get();
        Member member = members.updateProfile(id, body.toUpdate(), ifMatch, user);
        return ResponseEntity.ok().eTag(ETags.of(member.getVersion())).cacheControl(CacheControl.noStore())
                .body(MemberResponse.of(member, members.masked(member), true));
    }

    @GetMapping("/{id}")
    ResponseEntity<MemberResponse> get(@PathVariable String id, @RequestParam(defaultValue = "false") boolean unmasked) {
        CurrentUser user = CurrentUser.get();
        return single(members.get(id, user), unmasked, user);
    }

    /** Exact lookup by national ID number (through its blind index), scope-checked like {@link #get}. */
    @GetMapping("/by-national-id")
    ResponseEntity<MemberResponse> byNationalId(@RequestParam @NationalIdNumber String value,
                                                @RequestParam(defaultValue = "false") boolean unmasked) {
        CurrentUser user = CurrentUser.get();
        return single(members.findByNationalId(value, user), unmasked, user);
    }

    /** Members of the subtree of {@code orgId} (which the caller must manage), always masked. */
    @GetMapping
    ResponseEntity<PageResponse<MemberResponse>> list(@RequestParam String orgId,
                                                      @RequestParam(required = false) MemberStatus status,
                                                      @RequestParam(required = false) String name,
                                                      @RequestParam(required = false) Integer page,
                                                      @RequestParam(required = false) Integer size) {
        CurrentUser user = CurrentUser.get();
        PageResponse<MemberResponse> result = members.list(orgId, status, name,
                        PageRequest.of(page, size, properties.paging()), user)
                .map(member -> MemberResponse.of(member, members.masked(member), true));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(result);
    }

    private ResponseEntity<MemberResponse> single(Member member, boolean unmasked, CurrentUser user) {
        MemberResponse body = unmasked
                ? MemberResponse.of(member, members.reveal(member, user), false)
                : MemberResponse.of(member, members.masked(member), true);
        return ResponseEntity.ok().eTag(ETags.of(member.getVersion())).cacheControl(CacheControl.noStore()).body(body);
    }

    /** SHA-256 of the request as read, so a retry with the same content matches whatever its whitespace. */
    private String fingerprint(RegisterMemberRequest body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(body)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
