package party.member.development.web;

import java.time.LocalDate;
import java.util.List;
import party.member.development.DevelopmentRecord;
import party.member.development.Stage;
import party.member.development.StepCatalogue;

/**
 * A development record as the API shows it: no personal data beyond ids (the member's own
 * resource has those).
 *
 * @param nextStep the step to record next (null once closed), with its required materials
 * @param version the record's version, also its {@code ETag}
 */
record RecordResponse(String id, String memberId, String orgId, LocalDate applicationDate, int currentStep,
                      Stage stage, DevelopmentRecord.State state, Integer nextStep,
                      List<String> nextStepMaterials, LocalDate probationEnd, boolean extended,
                      List<DevelopmentRecord.Entry> steps, List<DevelopmentRecord.Warning> warnings, long version) {

    static RecordResponse of(DevelopmentRecord r) {
        boolean open = r.getState() == DevelopmentRecord.State.OPEN;
        Integer next = open ? r.nextStep() : null;
        return new RecordResponse(r.getId(), r.getMemberId(), r.getOrgId(), r.getApplicationDate(), r.getCurrentStep(),
                r.getStage(), r.getState(), next, next == null ? List.of() : StepCatalogue.requiredMaterials(next),
                r.getProbationEnd(), r.isExtended(), r.getSteps(), r.getWarnings(),
                r.getVersion() == null ? 0 : r.getVersion());
    }
}
