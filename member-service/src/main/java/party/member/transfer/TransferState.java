package party.member.transfer;

/**
 * ISSUED until decided; EXPIRED is never stored: an ISSUED letter past its validity reads as EXPIRED
 * (see {@link Transfer#effectiveState}).
 */
public enum TransferState {
    ISSUED, ACCEPTED, REJECTED, REVOKED, EXPIRED
}
