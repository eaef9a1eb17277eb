package party.platform.web;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An error answered as RFC 9457 Problem Details. {@code slug} makes the stable type URI
 * ({@code urn:party-building:problem:<slug>}) and, with the {@code problem.<slug>.title} and
 * {@code problem.<slug>.detail} message keys, the zh-CN and en texts.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String slug;
    private final transient Object[] args;
    private final transient Map<String, Object> properties;

    public ApiException(HttpStatus status, String slug, Map<String, Object> properties, Object... args) {
        super(slug);
        this.status = status;
        this.slug = slug;
        this.args = args;
        this.properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    public static ApiException notFound(String slug, Object... args) {
        return new ApiException(HttpStatus.NOT_FOUND, slug, null, args);
    }

    public static ApiException badRequest(String slug, Object... args) {
        return new ApiException(HttpStatus.BAD_REQUEST, slug, null, args);
    }

    public static ApiException unprocessable(String slug, Object... args) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, slug, null, args);
    }

    public static ApiException conflict(String slug, Object... args) {
        return new ApiException(HttpStatus.CONFLICT, slug, null, args);
    }

    public static ApiException forbidden(String slug, Object... args) {
        return new ApiException(HttpStatus.FORBIDDEN, slug, null, args);
    }

    public HttpStatus status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public Object[] args() {
        return args;
    }

    /** Extension members of the problem, e.g. the id that was not found. */
    public Map<String, Object> properties() {
        return properties;
    }
}
