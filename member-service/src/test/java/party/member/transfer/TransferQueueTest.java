package party.member.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Queue classification and validity arithmetic of introduction letters. */
class TransferQueueTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    static Transfer letter(String from, String to, TransferScope scope, LocalDate issued, int validity) {
        return Transfer.issue("m-1", from, to, to == null ? "外单位" : to, scope, "JS-1", issued, validity, "调动", "u",
                Instant.parse("2026-03-01T00:00:00Z"));
    }

    @Test
    void validityCountsDaysAfterTheIssueDate() {
        assertThat(Transfer.validUntil(LocalDate.of(2026, 1, 31), 30)).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(Transfer.validUntil(LocalDate.of(2024, 2, 1), 29)).isEqualTo(LocalDate.of(2024, 3, 1));
        Transfer t = letter("a", "b", TransferScope.WITHIN_COMMITTEE, LocalDate.of(2026, 3, 1), 9);
        assertThat(t.getValidUntil()).isEqualTo(TODAY);
        assertThat(t.effectiveState(TODAY)).isEqualTo(TransferState.ISSUED);
        assertThat(t.effectiveState(TODAY.plusDays(1))).isEqualTo(TransferState.EXPIRED);
        assertThat(TransferProperties.defaults().validityDays()).isEqualTo(30);
        assertThat(TransferProperties.defaults().dueSoonDays()).isEqualTo(7);
    }

    @Test
    void pendingLetterIsToDoForTheReceiverAndInProgressForTheSender() {
        Transfer t = letter("a", "b", TransferScope.WITHIN_COMMITTEE, TODAY, 30);
        assertThat(TransferQueue.classify(t, Set.of("b"), TODAY, 7)).containsExactly(TransferQueue.TO_DO);
        assertThat(TransferQueue.classify(t, Set.of("a"), TODAY, 7)).containsExactly(TransferQueue.IN_PROGRESS);
        assertThat(TransferQueue.classify(t, Set.of("a", "b"), TODAY, 7))
                .containsExactlyInAnyOrder(TransferQueue.TO_DO, TransferQueue.IN_PROGRESS);
        assertThat(TransferQueue.classify(t, Set.of("x"), TODAY, 7)).isEmpty();
    }

    @Test
    void dueSoonWithinTheWindowInclusive() {
        Transfer edge = letter("a", "b", TransferScope.WITHIN_COMMITTEE, TODAY.minusDays(23), 30); // ends TODAY + 7
        assertThat(TransferQueue.classify(edge, Set.of("a"), TODAY, 7))
                .containsExactlyInAnyOrder(TransferQueue.IN_PROGRESS, TransferQueue.DUE_SOON);
        Transfer later = letter("a", "b", TransferScope.WITHIN_COMMITTEE, TODAY.minusDays(22), 30); // ends TODAY + 8
        assertThat(TransferQueue.classify(later, Set.of("b"), TODAY, 7)).containsExactly(TransferQueue.TO_DO);
        Transfer lastDay = letter("a", "b", TransferScope.WITHIN_COMMITTEE, TODAY.minusDays(30), 30);
        assertThat(TransferQueue.classify(lastDay, Set.of("b"), TODAY, 7))
                .containsExactlyInAnyOrder(TransferQueue.TO_DO, TransferQueue.DUE_SOON);
    }

    @Test
    void decidedAndExpiredLettersAreHistory() {
        Transfer expired = letter("a", "b", TransferScope.WITHIN_COMMITTEE, TODAY.minusDays(31), 30);
        assertThat(TransferQueue.classify(expired, Set.of("a"), TODAY, 7)).containsExactly(TransferQueue.HISTORY);
        assertThat(TransferQueue.classify(expired, Set.of("b"), TODAY, 7)).containsExactly(TransferQueue.HISTORY);

        Transfer revoked = letter("a", "b", TransferScope.WITHIN_COMMITTEE, TODAY, 30);
        revoked.revoke(TODAY, null, "u", Instant.now());
        assertThat(TransferQueue.classify(revoked, Set.of("b"), TODAY, 7)).containsExactly(TransferQueue.HISTORY);
        assertThat(revoked.effectiveState(TODAY.plusYears(1))).isEqualTo(TransferState.REVOKED);

        Transfer accepted = letter("a", "b", TransferScope.WITHIN_COMMITTEE, TODAY, 30);
        accepted.accept(TODAY, "u", Instant.now());
        assertThat(TransferQueue.classify(accepted, Set.of("a"), TODAY, 7)).containsExactly(TransferQueue.HISTORY);
    }

    @Test
    void outOfSystemLetterOnlyConcernsTheSender() {
        Transfer out = letter("a", null, TransferScope.NATIONWIDE, TODAY, 30);
        assertThat(TransferQueue.classify(out, Set.of("a"), TODAY, 7)).containsExactly(TransferQueue.IN_PROGRESS);
        assertThat(TransferQueue.classify(out, Set.of("b"), TODAY, 7)).isEmpty();
    }
}
