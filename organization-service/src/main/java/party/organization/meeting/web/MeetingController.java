package party.organization.meeting.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
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
import party.organization.meeting.Absence;
import party.organization.meeting.ComplianceReport;
import party.organization.meeting.ComplianceService;
import party.organization.meeting.Meeting;
import party.organization.meeting.MeetingService;
import party.organization.meeting.MeetingStatus;
import party.organization.meeting.MeetingType;
import party.platform.PlatformProperties;
import party.platform.security.CurrentUser;
import party.platform.web.ETags;
import party.platform.web.Idempotency;
import party.platform.web.PageRequest;
import party.platform.web.PageResponse;

/** Organizational life over HTTP: meetings and the compliance report. */
@RestController
@RequestMapping("/api/v1")
class MeetingController {

    private final MeetingService meetings;
    private final ComplianceService compliance;
    private final Idempotency idempotency;
    private final PlatformProperties properties;

    MeetingController(MeetingService meetings, ComplianceService compliance, Idempotency idempotency,
                      PlatformProperties properties) {
        this.meetings = meetings;
        this.compliance = compliance;
        this.idempotency = idempotency;
        this.properties = properties;
    }

    @PostMapping("/meetings")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_STAFF', 'SECRETARY')")
    ResponseEntity<MeetingView> plan(@Valid @RequestBody MeetingRequests.PlanMeeting request,
                                     @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        CurrentUser user = CurrentUser.get();
        Idempotency.Created<Meeting> created = idempotency.create(user.id(), key, Idempotency.fingerprint(request), () -> {
            return meetings.plan(user, request.orgId(), new Meeting.Plan(request.type(), request.plannedAt(),
                    request.place(), request.topic(), request.host(), request.lecturer(), request.lecturerMemberId()));
        }, Meeting::getId, meetings::created);
        Meeting meeting = created.value();
        return ResponseEntity.created(URI.create("/api/v1/meetings/" + meeting.getId()))
                .eTag(ETags.of(meeting.getVersion())).body(MeetingView.of(meeting));
    }

    @GetMapping("/meetings/{id}")
    ResponseEntity<MeetingView> get(@PathVariable String id) {
        Meeting meeting = meetings.get(CurrentUser.get(), id);
        return ResponseEntity.ok().eTag(ETags.of(meeting.getVersion())).body(MeetingView.of(meeting));
    }

    @PostMapping("/meetings/{id}/record")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_STAFF', 'SECRETARY')")
    ResponseEntity<MeetingView> record(@PathVariable String id, @Valid @RequestBody MeetingRequests.RecordMeeting request,
                                       @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        List<Absence> absent = request.absent() == null ? List.of()
                : request.absent().stream().map(a -> new Absence(a.memberId(), a.reason())).toList();
        Meeting meeting = meetings.record(CurrentUser.get(), id, ifMatch, new MeetingService.Report(request.heldAt(),
                request.place(), request.topic(), request.host(), request.recorder(), request.lecturer(),
                request.lecturerMemberId(), request.expectedAttendees(), request.presentMemberIds(), absent,
                request.minutes(), request.attachments()));
        return ResponseEntity.ok().eTag(ETags.of(meeting.getVersion())).body(MeetingView.of(meeting));
    }

    @PostMapping("/meetings/{id}/cancel")
    @PreAuthorize("hasAnyRole('ADMIN', 'ORG_STAFF', 'SECRETARY')")
    ResponseEntity<MeetingView> cancel(@PathVariable String id,
                                       @Valid @RequestBody(required = false) MeetingRequests.CancelMeeting request,
                                       @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Meeting meeting = meetings.cancel(CurrentUser.get(), id, ifMatch, request == null ? null : request.reason());
        return ResponseEntity.ok().eTag(ETags.of(meeting.getVersion())).body(MeetingView.of(meeting));
    }

    @GetMapping("/organizations/{id}/meetings")
    PageResponse<MeetingView> list(@PathVariable String id,
                                   @RequestParam(required = false) MeetingType type,
                                   @RequestParam(required = false) MeetingStatus status,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                   @RequestParam(required = false) Integer page,
                                   @RequestParam(required = false) Integer size) {
        return meetings.list(CurrentUser.get(), id, type, status, from, to, PageRequest.of(page, size, properties.paging()))
                .map(MeetingView::of);
    }

    /** {@code period}: {@code 2026-03}, {@code 2026-Q1} or {@code 2026}; {@code page}/{@code size} page the branches. */
    @GetMapping("/organizations/{id}/compliance")
    ComplianceReport compliance(@PathVariable String id, @RequestParam String period,
                                @RequestParam(required = false) Integer page,
                                @RequestParam(required = false) Integer size) {
        return compliance.report(CurrentUser.get(), id, period, PageRequest.of(page, size, properties.paging()));
    }
}
