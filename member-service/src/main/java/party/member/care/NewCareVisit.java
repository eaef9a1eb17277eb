package party.member.care;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What recording a visit asks for, already validated for shape by the web layer. */
public record NewCareVisit(String memberId, List<Visitor> visitors, LocalDate date, CareReason reason, BigDecimal amount,
                           String note) {
}
