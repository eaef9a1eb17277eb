package party.training.attendance.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import party.platform.security.CurrentUser;
import party.platform.web.ETags;
import party.training.attendance.AttendanceService;
import party.training.attendance.AttendanceSheet;
import party.training.attendance.SessionAttendance;
import party.training.session.TrainingSession;

/** Check-in and check-out, the video-conference callbacks, absences, holding a session, the attendance sheet. */
@RestController
class AttendanceController {

    static final String PATH = "/api/v1/trainings";

    private final AttendanceService attendance;

    AttendanceController(AttendanceService attendance) {
        this.attendance = attendance;
    }

    @PostMapping(PATH + "/sessions/{id}/check-in")
    ResponseEntity<AttendanceResponse> checkIn(@PathVariable String id, @Valid @RequestBody CodeRequest body) {
        return ok(attendance.checkIn(id, body.code(), CurrentUser.get()));
    }

    @PostMapping(PATH + "/sessions/{id}/check-out")
    ResponseEntity<AttendanceResponse> checkOut(@PathVariable String id, @Valid @RequestBody CodeRequest body) {
        return ok(attendance.checkOut(id, body.code(), CurrentUser.get()));
    }

    /** Join and leave callbacks of the video-conference provider, authenticated by its token and shared secret. */
    @PostMapping(PATH + "/conference/callbacks")
    @PreAuthorize("hasAnyRole('ADMIN','ORG_STAFF')")
    ResponseEntity<AttendanceResponse> callback(@RequestHeader(name = "X-Conference-Secret", required = false) String secret,
                                                @Valid @RequestBody CallbackRequest body) {
        return ok(attendance.conference(secret, body.roomId(), body.memberId(), body.action()));
    }

    @PutMapping(PATH + "/sessions/{id}/absences/{memberId}")
    @PreAuthorize("hasAnyRole('ADMIN','ORG_STAFF','SECRETARY')")
    ResponseEntity<AttendanceResponse> absent(@PathVariable String id, @PathVariable String memberId,
                                              @Valid @RequestBody AbsenceRequest body) {
        return ok(attendance.absent(id, memberId, body.reason(), CurrentUser.get()));
    }

    /** Marks the session held: every member present is credited with its hours. */
    @PostMapping(PATH + "/sessions/{id}/hold")
    @PreAuthorize("hasAnyRole('ADMIN','ORG_STAFF','SECRETARY')")
    ResponseEntity<HeldResponse> hold(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        TrainingSession session = attendance.hold(id, ifMatch, CurrentUser.get());
        return ResponseEntity.ok().eTag(ETags.of(session.getVersion())).cacheControl(CacheControl.noStore())
                .body(new HeldResponse(session.getId(), session.getStatus().name(), session.getHeldAt()));
    }

    @GetMapping(PATH + "/sessions/{id}/attendance")
    @PreAuthorize("hasAnyRole('ADMIN','ORG_STAFF','SECRETARY')")
    ResponseEntity<AttendanceSheet> sheet(@PathVariable String id) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(attendance.sheet(id, CurrentUser.get()));
    }

    private static ResponseEntity<AttendanceResponse> ok(SessionAttendance a) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(AttendanceResponse.of(a));
    }

    record CodeRequest(@NotBlank @Size(max = 20) String code) {
    }

    record CallbackRequest(@NotBlank @Size(max = 100) String roomId, @NotBlank @Size(max = 64) String memberId,
                           @NotNull @Pattern(regexp = "JOIN|LEAVE") String action) {
    }

    record AbsenceRequest(@NotBlank @Size(max = 500) String reason) {
    }

    record HeldResponse(String sessionId, String status, Instant heldAt) {
    }

    record AttendanceResponse(String sessionId, String memberId, String orgId, String status, boolean late, Instant checkedInAt,
                              Instant checkedOutAt, Instant joinedAt, Instant leftAt, String absenceReason) {
        static AttendanceResponse of(SessionAttendance a) {
            return new AttendanceResponse(a.getSessionId(), a.getMemberId(), a.getOrgId(),
                    a.getStatus() == null ? null : a.getStatus().name(), a.isLate(), a.getCheckedInAt(), a.getCheckedOutAt(),
                    a.getJoinedAt(), a.getLeftAt(), a.getAbsenceReason());
        }
    }
}
