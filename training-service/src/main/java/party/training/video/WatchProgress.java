package party.training.video;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A member's watching of a video (id {@code memberId|videoId}): the last heartbeat (sequence,
 * server time, position, playing) and the merged segments watched. A heartbeat is one read and
 * one conditional write of this small document, guarded by the sequence it read (unique index on
 * {@code {_id, seq}}, so the guarded write stays indexed on the embedded server too).
 */
@Document(WatchProgress.COLLECTION)
public record WatchProgress(@Id String id, String memberId, String videoId, String orgId, long durationSeconds, long seq,
                            long lastAtMillis, double lastPosition, boolean lastPlaying, List<WatchSegments.Segment> segments,
                            double watchedSeconds, boolean completed, boolean credited) {

    public static final String COLLECTION = "watch_progress";

    static String idOf(String memberId, String videoId) {
        return memberId + "|" + videoId;
    }
}
