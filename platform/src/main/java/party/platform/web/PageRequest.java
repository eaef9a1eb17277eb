package party.platform.web;

import party.platform.PlatformProperties;

/** A client's page request after the cap is applied; bad numbers are a 400, never silently fixed. */
public record PageRequest(int page, int size) {

    public static PageRequest of(Integer page, Integer size, PlatformProperties.Paging paging) {
        int p = page == null ? 0 : page;
        int s = size == null ? paging.defaultSize() : size;
        if (p < 0 || s < 1) {
            throw ApiException.badRequest("invalid-page");
        }
        return new PageRequest(p, Math.min(s, paging.maxSize()));
    }

    public long offset() {
        return (long) page * size;
    }
}
