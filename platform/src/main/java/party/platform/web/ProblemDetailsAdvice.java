package party.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error into RFC 9457 Problem Details with a stable type URI and zh-CN or en texts by
 * {@code Accept-Language}. Field errors are listed under {@code errors}.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final Problems problems;
    private final MessageSource messageSource;

    public ProblemDetailsAdvice(Problems problems, MessageSource messageSource) {
        this.problems = problems;
        this.messageSource = messageSource;
    }

    /** One invalid field: its path, the rejected value's problem, a localized message. */
    public record FieldProblem(String field, String code, String message) {
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e, HttpServletRequest request) {
        ProblemDetail problem = problems.of(e.status(), e.slug(), locale(), e.args());
        e.properties().forEach(problem::setProperty);
        return respond(problem, request);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> stale(OptimisticLockingFailureException e, HttpServletRequest request) {
        return respond(problems.of(HttpStatus.PRECONDITION_FAILED, "stale-version", locale()), request);
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException e, HttpServletRequest request) {
        return respond(problems.of(HttpStatus.CONFLICT, "duplicate", locale()), request);
    }

    @ExceptionHandler(DataAccessResourceFailureException.class)
    ResponseEntity<ProblemDetail> database(DataAccessResourceFailureException e, HttpServletRequest request) {
        log.error("database unavailable", e);
        return respond(problems.of(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", locale()), request);
    }

    /** Method security ({@code @PreAuthorize}) denials: the role does not allow the operation. */
    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(Exception e, HttpServletRequest request) {
        return respond(problems.of(HttpStatus.FORBIDDEN, "forbidden", locale()), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", locale()), request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, "invalid-request", locale());
        List<FieldProblem> errors = e.getBindingResult().getFieldErrors().stream().map(this::field).toList();
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, "invalid-request", locale());
        List<FieldProblem> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new FieldProblem(
                        result.getMethodParameter().getParameterName(),
                        error.getCodes() == null || error.getCodes().length == 0 ? "invalid" : last(error.getCodes()),
                        messageSource.getMessage(error, locale()))))
                .toList();
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, "malformed-request", locale());
        return ResponseEntity.badRequest().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** Framework errors (405, 415, missing parameter, ...) keep their status but get our type and texts. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem && (problem.getType() == null
                || !problem.getType().toString().startsWith(Problems.TYPE_PREFIX))) {
            ProblemDetail ours = problems.of(status, "http-" + status.value(), locale());
            ours.setDetail(problem.getDetail());
            body = ours;
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private FieldProblem field(FieldError error) {
        String code = error.getCode() == null ? "invalid" : error.getCode();
        return new FieldProblem(error.getField(), code, messageSource.getMessage(error, locale()));
    }

    private static String last(String[] codes) {
        String code = codes[codes.length - 1];
        return code.substring(code.lastIndexOf('.') + 1);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem, HttpServletRequest request) {
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(problem.getStatus())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
