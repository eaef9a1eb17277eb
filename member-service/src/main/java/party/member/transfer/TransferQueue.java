package party.member.transfer;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * The work queues of an organization (待办 / 在办 / 即将到期 / 历史), seen from a set of organizations
 * (the subtree of the one asked about). A pending letter is in TO_DO for the receiving side and in
 * IN_PROGRESS for the sending side, and also DUE_SOON for both when its validity ends soon.
 */
public enum TransferQueue {
    TO_DO, IN_PROGRESS, DUE_SOON, HISTORY;

    /**
     * The queues a transfer belongs to for organizations {@code orgIds}, on {@code today}
     * (Asia/Shanghai); empty when neither side is among them.
     */
    public static Set<TransferQueue> classify(Transfer transfer, Collection<String> orgIds, LocalDate today,
                                              int dueSoonDays) {
        boolean incoming = transfer.getToOrgId() != null && orgIds.contains(transfer.getToOrgId());
        boolean outgoing = orgIds.contains(transfer.getFromOrgId());
        Set<TransferQueue> queues = EnumSet.noneOf(TransferQueue.class);
        if (!incoming && !outgoing) {
            return queues;
        }
        if (transfer.effectiveState(today) != TransferState.ISSUED) {
            queues.add(HISTORY);
            return queues;
        }
        if (incoming) {
            queues.add(TO_DO);
        }
        if (outgoing) {
            queues.add(IN_PROGRESS);
        }
        if (!transfer.getValidUntil().isAfter(today.plusDays(dueSoonDays))) {
            queues.add(DUE_SOON);
        }
        return queues;
    }
}
