package party.member.transfer.web;

import jakarta.validation.constraints.Size;

/** Body of accept (none needed), reject (reason required) and revoke (reason optional). */
record DecisionRequest(@Size(max = 500) String reason) {
}
