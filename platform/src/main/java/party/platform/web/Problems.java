package party.platform.web;

import java.net.URI;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds localized Problem Details from a slug and message arguments. */
public class Problems {

    public static final String TYPE_PREFIX = "urn:party-building:problem:";

    private final MessageSource messages;

    public Problems(MessageSource messages) {
        this.messages = messages;
    }

    public ProblemDetail of(HttpStatusCode status, String slug, Locale locale, Object... args) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(TYPE_PREFIX + slug));
        problem.setTitle(messages.getMessage("problem." + slug + ".title", args, slug, locale));
        String detail = messages.getMessage("problem." + slug + ".detail", args, null, locale);
        if (detail != null) {
            problem.setDetail(detail);
        }
        return problem;
    }

    public String message(String code, Locale locale, Object... args) {
        return messages.getMessage(code, args, code, locale);
    }
}
