package party.training.video;

import java.time.Duration;
import java.util.Optional;

/**
 * What part of a video one heartbeat credits, from server time only: the span between the
 * previous heartbeat and this one counts only if the player was playing at both, the gap is not
 * longer than the idle limit, and at most wall time x the maximum playback speed of content,
 * ending at the reported position. A client's "finished" flag is never read.
 */
public record WatchRules(double maxPlaybackSpeed, Duration idleLimit) {

    /** The previous heartbeat as stored. */
    public record Beat(long atMillis, double position, boolean playing) {
    }

    public Optional<WatchSegments.Segment> credited(Beat previous, Beat current, double durationSeconds) {
        if (!previous.playing() || !current.playing()) {
            return Optional.empty();
        }
        long elapsedMillis = current.atMillis() - previous.atMillis();
        if (elapsedMillis <= 0 || elapsedMillis > idleLimit.toMillis()) {
            return Optional.empty();
        }
        double end = Math.min(Math.max(current.position(), 0), durationSeconds);
        double maxSpan = elapsedMillis / 1000.0 * maxPlaybackSpeed;
        double from = current.position() >= previous.position() ? previous.position() : 0;
        double start = Math.max(from, end - maxSpan);
        return start < end ? Optional.of(new WatchSegments.Segment(start, end)) : Optional.empty();
    }
}
