package party.member.transfer;

/**
 * Payloads of the transfer events; none carries personal data (no names, no letter text beyond
 * ids, scope and dates). Schemas: {@code contracts/party.member.<event>.v1.schema.json}.
 */
final class TransferEvents {

    static final String ISSUED = "party.member.transfer-issued.v1";
    static final String REJECTED = "party.member.transfer-rejected.v1";
    static final String REVOKED = "party.member.transfer-revoked.v1";
    static final String TRANSFERRED = "party.member.transferred.v1";

    private TransferEvents() {
    }

    /** @param version the transfer's aggregate version */
    record Issued(String transferId, String memberId, String fromOrgId, String toOrgId, String scope,
                  String issueDate, String validUntil, java.time.Instant at, long version) {
    }

    /** @param version the transfer's aggregate version */
    record Decided(String transferId, String memberId, String fromOrgId, String toOrgId, String scope,
                   String date, java.time.Instant at, long version) {
    }

    /**
     * Raised on the MEMBER aggregate (key memberId), so it stays in order with status changes.
     *
     * @param orgId the new branch, null when the member left the system
     * @param status the member's status after the transfer
     * @param version the member's aggregate version after the move
     */
    record Transferred(String transferId, String memberId, String fromOrgId, String orgId, String status,
                       String scope, String acceptedOn, long version) {
    }
}
