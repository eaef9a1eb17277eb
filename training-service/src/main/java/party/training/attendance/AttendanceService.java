package party.training.attendance;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import party.platform.events.AggregateStore;
import party.platform.orgtree.OrgNode;
import party.platform.orgtree.OrgTree;
import party.platform.security.CurrentUser;
import party.platform.security.OrgScope;
import party.platform.web.ApiException;
import party.platform.web.ETags;
import party.training.ledger.Credit;
import party.training.ledger.CreditSource;
import party.training.ledger.Ledger;
import party.training.roster.Roster;
import party.training.roster.RosterMember;
import party.training.session.SessionMode;
import party.training.session.SessionService;
import party.training.session.SessionStatus;
import party.training.session.TrainingSession;
import party.training.support.TrainingProperties;

/**
 * Attendance of on-site and live sessions: members check in and out with the session's code
 * inside its window; the video-conference provider reports joins and leaves; managers record
 * absentees with reasons and mark the session held, which credits every member present.
 */
@Service
public class AttendanceService {

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final SessionService sessions;
    private final Roster roster;
    private final OrgTree tree;
    private final Ledger ledger;
    private final TrainingProperties properties;
    private final Clock clock;
    private final party.platform.audit.AuditLog audit;

    AttendanceService(MongoTemplate mongo, AggregateStore store, SessionService sessions, Roster roster, OrgTree tree,
                      Ledger ledger, TrainingProperties properties, Clock clock, party.platform.audit.AuditLog audit) {
        this.mongo = mongo;
        this.store = store;
        this.sessions = sessions;
        this.roster = roster;
        this.tree = tree;
        this.ledger = ledger;
        this.properties = properties;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * The caller checks in with the session's code.
     *
     * @throws ApiException 422 wrong code or outside the window; 409 a session that is not an
     *                      on-site or live one still scheduled; 404 a session the member does not attend
     */
    public SessionAttendance checkIn(String sessionId, String code, CurrentUser user) {
        RosterMember member = ownMember(user);
        TrainingSession session = attended(sessionId, member);
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        requireCode(session, code);
        if (now.isBefore(session.getStartsAt().minus(properties.checkIn().opensBefore())) || now.isAfter(session.getEndsAt())) {
            throw ApiException.unprocessable("check-in-outside-window");
        }
        SessionAttendance attendance = stored(session, member);
        if (attendance.getCheckedInAt() != null) {
            return attendance;
        }
        attendance.checkIn(now, isLate(session, now));
        return store.save(attendance);
    }

    public SessionAttendance checkOut(String sessionId, String code, CurrentUser user) {
        RosterMember member = ownMember(user);
        TrainingSession session = attended(sessionId, member);
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        requireCode(session, code);
        if (now.isBefore(session.getStartsAt()) || now.isAfter(session.getEndsAt().plus(properties.checkIn().closesAfter()))) {
            throw ApiException.unprocessable("check-out-outside-window");
        }
        SessionAttendance attendance = mongo.findById(SessionAttendance.idOf(session.getId(), member.id()), SessionAttendance.class);
        if (attendance == null || attendance.getCheckedInAt() == null) {
            throw ApiException.conflict("check-out-without-check-in");
        }
        if (attendance.getCheckedOutAt() != null) {
            return attendance;
        }
        attendance.checkOut(now);
        return store.save(attendance);
    }

    /** A join or leave reported by the video-conference provider for a live session's room. */
    public SessionAttendance conference(String secret, String roomId, String memberId, String action) {
        String configured = properties.conference().callbackSecret();
        if (configured == null || configured.isBlank() || secret == null
                || !MessageDigest.isEqual(configured.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8))) {
            throw ApiException.forbidden("conference-secret");
        }
        TrainingSession session = sessions.byRoom(roomId).filter(s -> s.getMode() == SessionMode.LIVE)
                .orElseThrow(() -> ApiException.notFound("not-found", OrgScope.resourceName("session")));
        RosterMember member = roster.find(memberId).filter(RosterMember::active)
                .orElseThrow(() -> ApiException.unprocessable("unknown-member", memberId));
        requireAttends(session, member);
        requireOpen(session);
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        SessionAttendance attendance = stored(session, member);
        if ("JOIN".equals(action)) {
            if (now.isBefore(session.getStartsAt().minus(properties.checkIn().opensBefore())) || now.isAfter(session.getEndsAt())) {
                throw ApiException.unprocessable("check-in-outside-window");
            }
            attendance.join(now, isLate(session, now));
        } else {
            if (attendance.getJoinedAt() == null) {
                throw ApiException.conflict("conference-leave-without-join");
            }
            attendance.leave(now);
        }
        return store.save(attendance);
    }

    /** Records a member of the session's subtree absent, with a reason. */
    public SessionAttendance absent(String sessionId, String memberId, String reason, CurrentUser user) {
        TrainingSession session = sessions.managed(sessionId, user);
        requireOpen(session);
        RosterMember member = roster.find(memberId).filter(RosterMember::active)
                .orElseThrow(() -> ApiException.unprocessable("unknown-member", memberId));
        if (!attends(session, member)) {
            throw ApiException.unprocessable("member-not-expected", memberId);
        }
        SessionAttendance attendance = stored(session, member);
        if (attendance.getStatus() == SessionAttendance.Status.PRESENT) {
            throw ApiException.conflict("member-was-present", memberId);
        }
        attendance.absent(reason.strip(), user.id());
        return store.save(attendance);
    }

    /** Marks the session held and credits every member present with its hours; repeating it credits no one twice. */
    public TrainingSession hold(String sessionId, String ifMatch, CurrentUser user) {
        TrainingSession session = sessions.managed(sessionId, user);
        ETags.require(ifMatch, session.getVersion());
        if (session.getMode() == SessionMode.RECORDED) {
            throw ApiException.conflict("session-recorded");
        }
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        if (now.isBefore(session.getStartsAt())) {
            throw ApiException.unprocessable("session-not-started");
        }
        // Holding a held session again only completes its credits (each is entered once): a crash
        // part-way through the loop below is repaired by repeating the request.
        TrainingSession held = session.getStatus() == SessionStatus.HELD ? session : sessions.markHeld(session, now);
        for (SessionAttendance present : records(session.getId())) {
            if (present.getStatus() == SessionAttendance.Status.PRESENT) {
                ledger.credit(new Credit("SESSION|" + session.getId() + "|" + present.getMemberId(), present.getMemberId(),
                        present.getOrgId(), session.getYear(), session.getCreditCenti(), CreditSource.SESSION, session.getId(),
                        null, user.id()));
            }
        }
        return held;
    }

    public AttendanceSheet sheet(String sessionId, CurrentUser user) {
        TrainingSession session = sessions.managed(sessionId, user);
        // The sheet shows absence reasons (often health or family matters): every read is audit-logged.
        audit.record(user.id(), "training.attendance.read", session.getOrgId(), session.getId(), "ALLOWED");
        Map<String, SessionAttendance> known = new HashMap<>();
        records(session.getId()).forEach(a -> known.put(a.getMemberId(), a));
        List<RosterMember> expected = roster.activeIn(tree.subtreeIds(session.getOrgId()));
        List<AttendanceSheet.Row> rows = new ArrayList<>();
        long present = 0;
        long late = 0;
        long absent = 0;
        java.util.Set<String> listed = new java.util.HashSet<>();
        for (RosterMember member : expected) {
            SessionAttendance a = known.get(member.id());
            rows.add(row(member.id(), member.orgId(), a));
            listed.add(member.id());
        }
        // Members who attended and have since left the subtree stay on the sheet.
        known.values().stream().filter(a -> !listed.contains(a.getMemberId()))
                .forEach(a -> rows.add(row(a.getMemberId(), a.getOrgId(), a)));
        for (AttendanceSheet.Row row : rows) {
            present += "PRESENT".equals(row.status()) ? 1 : 0;
            late += row.late() ? 1 : 0;
            absent += "ABSENT".equals(row.status()) ? 1 : 0;
        }
        rows.sort(java.util.Comparator.comparing(AttendanceSheet.Row::memberId));
        return new AttendanceSheet(session.getId(), expected.size(), present, late, absent, rows);
    }

    private static AttendanceSheet.Row row(String memberId, String orgId, SessionAttendance a) {
        if (a == null || a.getStatus() == null) {
            return new AttendanceSheet.Row(memberId, orgId, "UNKNOWN", false, null, null, null, null, null);
        }
        return new AttendanceSheet.Row(memberId, orgId, a.getStatus().name(), a.isLate(), a.getCheckedInAt(),
                a.getCheckedOutAt(), a.getJoinedAt(), a.getLeftAt(), a.getAbsenceReason());
    }

    private List<SessionAttendance> records(String sessionId) {
        return mongo.find(Query.query(Criteria.where("sessionId").is(sessionId)), SessionAttendance.class);
    }

    private SessionAttendance stored(TrainingSession session, RosterMember member) {
        SessionAttendance a = mongo.findById(SessionAttendance.idOf(session.getId(), member.id()), SessionAttendance.class);
        return a != null ? a : SessionAttendance.of(session.getId(), member.id(), member.orgId());
    }

    private boolean isLate(TrainingSession session, Instant at) {
        return at.isAfter(session.getStartsAt().plus(properties.checkIn().lateAfter()));
    }

    private RosterMember ownMember(CurrentUser user) {
        if (user.memberId() == null) {
            throw ApiException.forbidden("not-a-member-account");
        }
        return roster.find(user.memberId()).filter(RosterMember::active)
                .orElseThrow(() -> ApiException.unprocessable("unknown-member", user.memberId()));
    }

    /** The session, if the member attends it (their branch is in its organization's subtree), open for check-in. */
    private TrainingSession attended(String sessionId, RosterMember member) {
        TrainingSession session = mongo.findById(sessionId, TrainingSession.class);
        if (session == null || !attends(session, member)) {
            throw ApiException.notFound("not-found", OrgScope.resourceName("session"));
        }
        requireOpen(session);
        return session;
    }

    private void requireAttends(TrainingSession session, RosterMember member) {
        if (!attends(session, member)) {
            throw ApiException.unprocessable("member-not-expected", member.id());
        }
    }

    private boolean attends(TrainingSession session, RosterMember member) {
        OrgNode branch = tree.find(member.orgId()).orElse(null);
        return branch != null && branch.ancestorsAndSelf().contains(session.getOrgId());
    }

    private static void requireOpen(TrainingSession session) {
        if (session.getMode() == SessionMode.RECORDED) {
            throw ApiException.conflict("session-recorded");
        }
        if (session.getStatus() != SessionStatus.SCHEDULED) {
            throw ApiException.conflict("session-not-scheduled", session.getStatus().name());
        }
    }

    private static void requireCode(TrainingSession session, String code) {
        if (code == null || !MessageDigest.isEqual(session.getCheckInCode().getBytes(StandardCharsets.UTF_8),
                code.strip().getBytes(StandardCharsets.UTF_8))) {
            throw ApiException.unprocessable("check-in-wrong-code");
        }
    }
}
