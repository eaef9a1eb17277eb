package party.platform.web;

import org.springframework.http.HttpStatus;

/** Optimistic concurrency over HTTP: the aggregate version is the ETag; a stale If-Match is a 412. */
public final class ETags {

    private ETags() {
    }

    public static String of(Long version) {
        return "\"" + (version == null ? 0 : version) + "\"";
    }

    /**
     * Checks an update's {@code If-Match} against the current version.
     *
     * @throws ApiException 428 when missing, 412 when stale
     */
    public static void require(String ifMatch, Long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiException(HttpStatus.PRECONDITION_REQUIRED, "if-match-required", null);
        }
        String current = of(currentVersion);
        String given = ifMatch.trim().startsWith("W/") ? ifMatch.trim().substring(2) : ifMatch.trim();
        if (!given.equals("*") && !given.equals(current)) {
            throw new ApiException(HttpStatus.PRECONDITION_FAILED, "stale-version", null);
        }
    }
}
