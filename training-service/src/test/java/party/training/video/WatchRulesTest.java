package party.training.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import party.training.video.WatchRules.Beat;
import party.training.video.WatchSegments.Segment;

class WatchRulesTest {

    final WatchRules rules = new WatchRules(2.0, Duration.ofSeconds(60));

    @Test
    void playingAtBothEndsCreditsTheSpanUpToTheSpeedCap() {
        assertThat(rules.credited(new Beat(0, 10, true), new Beat(15_000, 25, true), 100)).contains(new Segment(10, 25));
        // 60 s of content in 15 s: capped at 30 s ending at the position.
        assertThat(rules.credited(new Beat(0, 10, true), new Beat(15_000, 70, true), 100)).contains(new Segment(40, 70));
        // Position beyond the end is clamped to the video.
        assertThat(rules.credited(new Beat(0, 90, true), new Beat(15_000, 104, true), 100)).contains(new Segment(90, 100));
    }

    @Test
    void pausedIdleOrClockGoingBackCreditsNothing() {
        assertThat(rules.credited(new Beat(0, 10, false), new Beat(15_000, 25, true), 100)).isEmpty();
        assertThat(rules.credited(new Beat(0, 10, true), new Beat(15_000, 25, false), 100)).isEmpty();
        assertThat(rules.credited(new Beat(0, 10, true), new Beat(61_000, 25, true), 100)).isEmpty();
        assertThat(rules.credited(new Beat(15_000, 10, true), new Beat(15_000, 25, true), 100)).isEmpty();
    }

    @Test
    void seekingBackCreditsWhatWasPlayedSinceAtMostTheCap() {
        assertThat(rules.credited(new Beat(0, 80, true), new Beat(15_000, 20, true), 100)).contains(new Segment(0, 20));
        assertThat(rules.credited(new Beat(0, 80, true), new Beat(10_000, 50, true), 100)).contains(new Segment(30, 50));
    }

    @Test
    void overlappingSegmentsCountOnce() {
        List<Segment> s = WatchSegments.merge(List.of(), new Segment(0, 15));
        s = WatchSegments.merge(s, new Segment(10, 30));
        s = WatchSegments.merge(s, new Segment(50, 60));
        s = WatchSegments.merge(s, new Segment(0, 30));
        assertThat(s).containsExactly(new Segment(0, 30), new Segment(50, 60));
        assertThat(WatchSegments.total(s)).isEqualTo(40);
        s = WatchSegments.merge(s, new Segment(30, 50));
        assertThat(s).containsExactly(new Segment(0, 60));
    }
}
