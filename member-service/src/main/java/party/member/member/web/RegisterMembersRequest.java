package party.member.member.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code POST /api/v1/members/batch}: up to {@value #MAX} registrations, for integrations
 * (the enterprise's HR system, a migration) that register many members at once.
 */
record RegisterMembersRequest(@NotNull @Size(min = 1, max = MAX) List<@NotNull @Valid RegisterMemberRequest> members) {

    static final int MAX = 500;
}
