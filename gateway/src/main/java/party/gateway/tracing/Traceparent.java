package party.gateway.tracing;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** W3C Trace Context {@code traceparent} values: validation and generation. */
public final class Traceparent {

    // version-traceid-parentid-flags; later versions may append fields after a dash.
    private static final Pattern FORMAT =
            Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-[^\\s]*)?");
    private static final String ZERO_TRACE_ID = "0".repeat(32);
    private static final String ZERO_PARENT_ID = "0".repeat(16);
    private static final HexFormat HEX = HexFormat.of();

    private Traceparent() {
    }

    /** True when the value follows the W3C rules, so it can be passed on unchanged. */
    public static boolean isValid(String value) {
        if (value == null) {
            return false;
        }
        Matcher matcher = FORMAT.matcher(value);
        if (!matcher.matches()) {
            return false;
        }
        String version = matcher.group(1);
        if ("ff".equals(version)) {
            return false;
        }
        // Version 00 has exactly four fields; only unknown future versions may carry more.
        if ("00".equals(version) && matcher.group(5) != null) {
            return false;
        }
        return !ZERO_TRACE_ID.equals(matcher.group(2)) && !ZERO_PARENT_ID.equals(matcher.group(3));
    }

    /** A new sampled root: version 00, random trace id and span id, flags 01. */
    public static String generate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String traceId;
        do {
            traceId = HEX.toHexDigits(random.nextLong()) + HEX.toHexDigits(random.nextLong());
        } while (ZERO_TRACE_ID.equals(traceId));
        String spanId;
        do {
            spanId = HEX.toHexDigits(random.nextLong());
        } while (ZERO_PARENT_ID.equals(spanId));
        return "00-" + traceId + "-" + spanId + "-01";
    }
}
