package party.member.transfer;

import java.time.LocalDate;

/**
 * What the sending organization asks for.
 *
 * @param toOrgId the receiving branch, for WITHIN_COMMITTEE and WITHIN_SYSTEM
 * @param toOrgName the receiving organization's name, for NATIONWIDE and OUT_OF_SYSTEM
 * @param letterNumber the introduction letter's number, generated when null
 * @param issueDate the letter's date, today (Asia/Shanghai) when null; may be in the past, not the future
 * @param validityDays null for the configured default
 */
public record NewTransfer(TransferScope scope, String toOrgId, String toOrgName, String letterNumber,
                          LocalDate issueDate, Integer validityDays, String reason) {
}
