package party.member.care.web;

import java.time.Instant;
import party.member.care.DifficultyFlag;

record DifficultyFlagResponse(String memberId, String orgId, String reason, String flaggedBy, Instant flaggedAt,
                              long version) {

    static DifficultyFlagResponse of(DifficultyFlag flag) {
        return new DifficultyFlagResponse(flag.getMemberId(), flag.getOrgId(), flag.getReason(), flag.getFlaggedBy(),
                flag.getFlaggedAt(), flag.getVersion() == null ? 0 : flag.getVersion());
    }
}
