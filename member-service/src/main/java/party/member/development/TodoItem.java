package party.member.development;

import java.time.LocalDate;

/**
 * One line of a secretary's to-do list: the next step of an open development record.
 *
 * @param dueDate the deadline of the next step (steps 2 and 17), null when it has none
 * @param notBefore the earliest date the next step may be recorded (steps 7, 22, 23), null when none
 * @param urgency OVERDUE (past {@code dueDate}), WAITING (before {@code notBefore}), or DUE
 */
public record TodoItem(String recordId, String memberId, String name, String orgId, int nextStep, Stage stage,
                       LocalDate dueDate, LocalDate notBefore, Urgency urgency) {

    public enum Urgency {
        OVERDUE, DUE, WAITING
    }

    /** The next step of an open record, with its deadline or waiting period as the rules set them. */
    static TodoItem of(DevelopmentRecord record, String name, DevelopmentProperties rules, LocalDate today) {
        int next = record.nextStep();
        LocalDate due = null;
        LocalDate notBefore = null;
        switch (next) {
            case StepCatalogue.TALK -> due = record.getApplicationDate().plusMonths(rules.talkWithinMonths());
            case StepCatalogue.CANDIDATE -> notBefore = record.dateOf(StepCatalogue.ACTIVIST).plusYears(rules.activistMinYears());
            case StepCatalogue.APPROVAL -> due = record.dateOf(StepCatalogue.VOTE).plusMonths(rules.approvalWarnMonths());
            case StepCatalogue.FULL_MEMBERSHIP_APPLICATION, StepCatalogue.CONFIRMATION_MEETING ->
                    notBefore = record.getProbationEnd();
            default -> {
            }
        }
        Urgency urgency = due != null && today.isAfter(due) ? Urgency.OVERDUE
                : notBefore != null && today.isBefore(notBefore) ? Urgency.WAITING : Urgency.DUE;
        return new TodoItem(record.getId(), record.getMemberId(), name, record.getOrgId(), next, Stage.of(next), due,
                notBefore, urgency);
    }
}
