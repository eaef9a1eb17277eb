package party.training.video;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The parts of a video a member has watched, as sorted, disjoint [start, end) segments in
 * seconds of the video: a new segment is merged in, so watching a part twice counts once. The
 * list stays small (it only grows with seeks into unwatched parts) and is bounded by the video.
 */
public final class WatchSegments {

    private WatchSegments() {
    }

    public record Segment(double start, double end) {
        double length() {
            return end - start;
        }
    }

    /** The segments with {@code added} merged in. */
    public static List<Segment> merge(List<Segment> segments, Segment added) {
        List<Segment> all = new ArrayList<>(segments);
        all.add(added);
        all.sort(Comparator.comparingDouble(Segment::start));
        List<Segment> merged = new ArrayList<>();
        for (Segment s : all) {
            if (s.length() <= 0) {
                continue;
            }
            if (!merged.isEmpty() && s.start() <= merged.getLast().end()) {
                Segment last = merged.removeLast();
                merged.add(new Segment(last.start(), Math.max(last.end(), s.end())));
            } else {
                merged.add(s);
            }
        }
        return merged;
    }

    public static double total(List<Segment> segments) {
        return segments.stream().mapToDouble(Segment::length).sum();
    }
}
