package party.training.video.web;

/**
 * One byte range of a {@code Range: bytes=...} header against a file of {@code size} bytes.
 * Forms: {@code start-end}, {@code start-}, {@code -suffixLength}. A header this does not
 * understand (other units, several ranges) is ignored and the whole file is sent, as RFC 9110
 * allows; a range starting at or beyond the end is unsatisfiable (416).
 */
record ByteRange(long start, long end) {

    /** Parses the header; null means "send the whole file"; throws {@link Unsatisfiable} for a range beyond the file. */
    static ByteRange parse(String header, long size) {
        if (header == null || !header.startsWith("bytes=") || header.contains(",")) {
            return null;
        }
        String spec = header.substring(6).strip();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            String first = spec.substring(0, dash).strip();
            String last = spec.substring(dash + 1).strip();
            if (first.isEmpty()) {
                long suffix = Long.parseLong(last);
                if (suffix <= 0 || size == 0) {
                    throw new Unsatisfiable();
                }
                return new ByteRange(Math.max(0, size - suffix), size - 1);
            }
            long start = Long.parseLong(first);
            long end = last.isEmpty() ? size - 1 : Math.min(Long.parseLong(last), size - 1);
            if (start >= size) {
                throw new Unsatisfiable();
            }
            if (end < start) {
                return null;
            }
            return new ByteRange(start, end);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    long length() {
        return end - start + 1;
    }

    static final class Unsatisfiable extends RuntimeException {
        Unsatisfiable() {
            super(null, null, false, false);
        }
    }
}
