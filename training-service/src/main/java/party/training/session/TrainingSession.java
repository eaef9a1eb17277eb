package party.training.session;

import java.time.Instant;
import org.springframework.data.mongodb.core.mapping.Document;
import party.platform.events.Aggregate;
import party.training.support.Hours;
import party.training.support.TrainingCalendar;

/**
 * A session of a plan: on site, live through the video-conference provider (room and join link),
 * or a recorded video. Carries its own check-in code, shown only to those managing it.
 */
@Document(TrainingSession.COLLECTION)
public class TrainingSession extends Aggregate {

    public static final String COLLECTION = "training_sessions";

    private String planId;
    private String orgId;
    private int year;
    private String title;
    private String courseId;
    private SessionMode mode;
    private SessionStatus status;
    private Instant startsAt;
    private Instant endsAt;
    private String location;
    private long creditCenti;
    private String videoId;
    private Conference conference;
    private String checkInCode;
    private Instant heldAt;

    TrainingSession() {
    }

    /** The live room of a session at the configured provider. */
    public record Conference(String provider, String roomId, String joinUrl) {
    }

    /** What a session is set to. */
    public record Details(String title, String courseId, SessionMode mode, Instant startsAt, Instant endsAt, String location,
                          long creditCenti, String videoId) {
    }

    static TrainingSession schedule(String id, String planId, String orgId, Details details, Conference conference, String code) {
        TrainingSession session = new TrainingSession();
        session.id = id;
        session.planId = planId;
        session.orgId = orgId;
        session.status = SessionStatus.SCHEDULED;
        session.checkInCode = code;
        session.set(details, conference);
        session.raise(SessionChanged.SCHEDULED, session.snapshot());
        return session;
    }

    void edit(Details details, Conference conference) {
        set(details, conference);
        raise(SessionChanged.UPDATED, snapshot());
    }

    void cancel() {
        status = SessionStatus.CANCELLED;
        raise(SessionChanged.UPDATED, snapshot());
    }

    void held(Instant at) {
        status = SessionStatus.HELD;
        heldAt = at;
        raise(SessionChanged.HELD, snapshot());
    }

    private void set(Details details, Conference conference) {
        this.title = details.title();
        this.courseId = details.courseId();
        this.mode = details.mode();
        this.startsAt = details.startsAt();
        this.endsAt = details.endsAt();
        this.location = details.location();
        this.creditCenti = details.creditCenti();
        this.videoId = details.videoId();
        this.year = TrainingCalendar.yearOf(details.startsAt());
        this.conference = conference;
    }

    private SessionChanged snapshot() {
        return new SessionChanged(id, planId, orgId, year, title, mode.name(), status.name(), startsAt.toString(),
                endsAt.toString(), Hours.text(creditCenti), videoId, conference == null ? null : conference.roomId(),
                nextVersion());
    }

    public String getPlanId() {
        return planId;
    }

    public String getOrgId() {
        return orgId;
    }

    public int getYear() {
        return year;
    }

    public String getTitle() {
        return title;
    }

    public String getCourseId() {
        return courseId;
    }

    public SessionMode getMode() {
        return mode;
    }

    public SessionStatus getStatus() {
        return status;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public Instant getEndsAt() {
        return endsAt;
    }

    public String getLocation() {
        return location;
    }

    public long getCreditCenti() {
        return creditCenti;
    }

    public String getVideoId() {
        return videoId;
    }

    public Conference getConference() {
        return conference;
    }

    public String getCheckInCode() {
        return checkInCode;
    }

    public Instant getHeldAt() {
        return heldAt;
    }
}
