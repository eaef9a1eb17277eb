package party.platform.web;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list answer.
 *
 * @param items the page's items
 * @param page zero-based page number
 * @param size page size actually used (capped)
 * @param total number of items over all pages
 */
public record PageResponse<T>(List<T> items, int page, int size, long total) {

    public <R> PageResponse<R> map(Function<T, R> mapper) {
        return new PageResponse<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
