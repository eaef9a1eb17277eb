package party.member.care.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code PUT /api/v1/care-visits/difficulty-flags/{memberId}}. */
record DifficultyFlagRequest(@NotBlank @Size(max = 500) String reason) {
}
