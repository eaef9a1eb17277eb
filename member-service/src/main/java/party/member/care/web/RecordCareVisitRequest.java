package party.member.care.web;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import party.member.care.CareReason;
import party.member.care.NewCareVisit;
import party.member.care.Visitor;

/**
 * Body of {@code POST /api/v1/care-visits}. The reason arrives as a string so that a wrong value
 * is a field error; the date's "not in the future" is checked by the service on the Asia/Shanghai
 * calendar (Bean Validation would use the server's zone).
 */
record RecordCareVisitRequest(
        @NotBlank @Size(max = 64) String memberId,
        @NotEmpty @Size(max = 20) List<@NotNull @Valid VisitorRequest> visitors,
        @NotNull LocalDate date,
        @NotNull @Pattern(regexp = "OLD_MEMBER|DIFFICULTY|ILLNESS|FESTIVAL|OTHER") String reason,
        @NotNull @DecimalMin("0.00") @Digits(integer = 9, fraction = 2) BigDecimal amount,
        @Size(max = 1000) String note) {

    /** A visitor: a member id, a name, or both. */
    record VisitorRequest(@Size(max = 64) String memberId, @Size(max = 50) String name) {

        /** A validation rule, not a field of the body. */
        @JsonIgnore
        @AssertTrue(message = "{VisitorNamed}")
        boolean isNamed() {
            return (memberId != null && !memberId.isBlank()) || (name != null && !name.isBlank());
        }
    }

    NewCareVisit toNewCareVisit() {
        return new NewCareVisit(memberId.strip(), visitors.stream().map(v -> new Visitor(v.memberId(), v.name())).toList(),
                date, CareReason.valueOf(reason), amount, note);
    }
}
