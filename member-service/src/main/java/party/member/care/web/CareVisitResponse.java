package party.member.care.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import party.member.care.CareVisit;
import party.member.care.Visitor;

/** A care visit as the API shows it; the amount in yuan with two decimals. */
record CareVisitResponse(String id, String memberId, String orgId, List<Visitor> visitors, LocalDate date,
                         String reason, BigDecimal amount, String note, String recordedBy, Instant recordedAt,
                         long version) {

    static CareVisitResponse of(CareVisit visit) {
        return new CareVisitResponse(visit.getId(), visit.getMemberId(), visit.getOrgId(), visit.getVisitors(),
                visit.getDate(), visit.getReason().name(), visit.getAmount(), visit.getNote(), visit.getRecordedBy(),
                visit.getRecordedAt(), visit.getVersion() == null ? 0 : visit.getVersion());
    }
}
