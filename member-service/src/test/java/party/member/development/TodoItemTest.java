package party.member.development;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Due dates and waiting periods of the to-do list. */
class TodoItemTest {

    static final DevelopmentProperties RULES = DevelopmentProperties.defaults();

    @Test
    void theTalkIsDueOneMonthAfterTheApplicationAndThenOverdue() {
        DevelopmentRecord record = DevelopmentRecordTest.applied();
        LocalDate due = DevelopmentRecordTest.APPLIED.plusMonths(1);
        TodoItem onDue = TodoItem.of(record, "张三", RULES, due);
        assertThat(onDue.nextStep()).isEqualTo(2);
        assertThat(onDue.dueDate()).isEqualTo(due);
        assertThat(onDue.urgency()).isEqualTo(TodoItem.Urgency.DUE);
        assertThat(TodoItem.of(record, "张三", RULES, due.plusDays(1)).urgency()).isEqualTo(TodoItem.Urgency.OVERDUE);
    }

    @Test
    void theCandidateWaitsAYearAfterTheActivist() {
        DevelopmentRecord record = DevelopmentRecordTest.through(6);
        LocalDate from = record.dateOf(3).plusYears(1);
        TodoItem waiting = TodoItem.of(record, null, RULES, from.minusDays(1));
        assertThat(waiting.notBefore()).isEqualTo(from);
        assertThat(waiting.urgency()).isEqualTo(TodoItem.Urgency.WAITING);
        assertThat(TodoItem.of(record, null, RULES, from).urgency()).isEqualTo(TodoItem.Urgency.DUE);
    }

    @Test
    void theApprovalIsDueThreeMonthsAfterTheMeetingAndConfirmationWaitsForTheEndOfProbation() {
        DevelopmentRecord meeting = DevelopmentRecordTest.through(16);
        assertThat(TodoItem.of(meeting, null, RULES, LocalDate.of(2030, 1, 1)))
                .satisfies(t -> {
                    assertThat(t.dueDate()).isEqualTo(DevelopmentRecordTest.dateFor(15).plusMonths(3));
                    assertThat(t.urgency()).isEqualTo(TodoItem.Urgency.OVERDUE);
                });
        DevelopmentRecord probation = DevelopmentRecordTest.through(21);
        TodoItem item = TodoItem.of(probation, null, RULES, probation.getProbationEnd().minusDays(1));
        assertThat(item.nextStep()).isEqualTo(22);
        assertThat(item.stage()).isEqualTo(Stage.PROBATION);
        assertThat(item.notBefore()).isEqualTo(probation.getProbationEnd());
        assertThat(item.urgency()).isEqualTo(TodoItem.Urgency.WAITING);
    }
}
