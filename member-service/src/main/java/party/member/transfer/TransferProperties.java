package party.member.transfer;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Local rules of relation transfers.
 *
 * @param validityDays days an introduction letter stays valid after its issue date when the request names none (default 30)
 * @param dueSoonDays a pending letter whose validity ends within this many days is in the DUE_SOON queue (default 7)
 * @param maxValidityDays the longest validity a request may ask for (default 180)
 */
@ConfigurationProperties("party.member.transfer")
public record TransferProperties(Integer validityDays, Integer dueSoonDays, Integer maxValidityDays) {

    public TransferProperties {
        validityDays = validityDays == null ? 30 : validityDays;
        dueSoonDays = dueSoonDays == null ? 7 : dueSoonDays;
        maxValidityDays = maxValidityDays == null ? 180 : maxValidityDays;
        if (validityDays < 1 || dueSoonDays < 0 || maxValidityDays < validityDays) {
            throw new IllegalArgumentException("party.member.transfer: validityDays >= 1, dueSoonDays >= 0, "
                    + "maxValidityDays >= validityDays");
        }
    }

    public static TransferProperties defaults() {
        return new TransferProperties(null, null, null);
    }
}
