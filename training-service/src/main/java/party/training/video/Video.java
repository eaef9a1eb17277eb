package party.training.video;

import java.time.Instant;
import org.springframework.data.mongodb.core.mapping.Document;
import party.platform.events.Aggregate;
import party.training.support.Hours;

/** A recorded video (e.g. a micro Party lecture 微党课); its bytes are in GridFS ({@code fileId}). */
@Document(Video.COLLECTION)
public class Video extends Aggregate {

    public static final String COLLECTION = "videos";

    private String orgId;
    private String title;
    private String fileId;
    private String contentType;
    private long size;
    private long durationSeconds;
    private long creditCenti;
    private String uploadedBy;
    private Instant uploadedAt;

    Video() {
    }

    static Video publish(String id, String orgId, String title, String fileId, String contentType, long size, long durationSeconds,
                         long creditCenti, String by, Instant at) {
        Video video = new Video();
        video.id = id;
        video.orgId = orgId;
        video.title = title;
        video.fileId = fileId;
        video.contentType = contentType;
        video.size = size;
        video.durationSeconds = durationSeconds;
        video.creditCenti = creditCenti;
        video.uploadedBy = by;
        video.uploadedAt = at;
        video.raise(VideoPublished.TYPE, new VideoPublished(id, orgId, title, contentType, size, durationSeconds,
                Hours.text(creditCenti), video.nextVersion()));
        return video;
    }

    public String getOrgId() {
        return orgId;
    }

    public String getTitle() {
        return title;
    }

    public String getFileId() {
        return fileId;
    }

    public String getContentType() {
        return contentType;
    }

    public long getSize() {
        return size;
    }

    public long getDurationSeconds() {
        return durationSeconds;
    }

    public long getCreditCenti() {
        return creditCenti;
    }

    public String getUploadedBy() {
        return uploadedBy;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }
}
