package party.platform.events;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * W3C trace context ({@code traceparent}) carried from the HTTP request that caused a change to
 * the events it raised, and from a consumed event to what its handler raises.
 */
public final class TraceContext {

    public static final String HEADER = "traceparent";
    private static final Pattern VALID = Pattern.compile("^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$");
    private static final ThreadLocal<String> CONSUMING = new ThreadLocal<>();
    private static final SecureRandom RANDOM = new SecureRandom();

    private TraceContext() {
    }

    /** The trace of the current request or consumed event, or a new one. */
    public static String current() {
        String fromEvent = CONSUMING.get();
        if (fromEvent != null) {
            return fromEvent;
        }
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            String header = servlet.getRequest().getHeader(HEADER);
            if (isValid(header)) {
                return header;
            }
        }
        return generate();
    }

    public static boolean isValid(String traceparent) {
        return traceparent != null && VALID.matcher(traceparent).matches();
    }

    public static String generate() {
        byte[] traceId = new byte[16];
        byte[] spanId = new byte[8];
        RANDOM.nextBytes(traceId);
        RANDOM.nextBytes(spanId);
        HexFormat hex = HexFormat.of();
        return "00-" + hex.formatHex(traceId) + "-" + hex.formatHex(spanId) + "-01";
    }

    /** Runs a consumer's handler inside the trace of the event it handles. */
    public static void within(String traceparent, Runnable handler) {
        String previous = CONSUMING.get();
        CONSUMING.set(isValid(traceparent) ? traceparent : null);
        try {
            handler.run();
        } finally {
            if (previous == null) {
                CONSUMING.remove();
            } else {
                CONSUMING.set(previous);
            }
        }
    }
}
