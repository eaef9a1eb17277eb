package party.member.member;

/**
 * Reads the fields of a directory entry as stored ({@link DirectoryEntry#encode}) in place: one
 * instance is reused for a whole read, so counting a million entries neither splits them nor
 * builds a record per member. Not thread-safe.
 */
public final class EncodedEntry {

    public static final int NAME = 0;
    public static final int STATUS = 1;
    public static final int GENDER = 2;
    public static final int BIRTH_DATE = 3;
    public static final int JOINED_AT = 4;
    public static final int FULL_MEMBERSHIP_DATE = 5;
    public static final int ADMISSION_DATE = 6;
    public static final int ETHNICITY = 7;
    public static final int EDUCATION = 8;
    public static final int OCCUPATION = 9;
    private static final int FIELDS = 11;
    private static final char SEPARATOR = '\u001F';

    private final int[] starts = new int[FIELDS];
    private final int[] ends = new int[FIELDS];
    private String value = "";

    /** Points this reader at another entry. */
    public EncodedEntry of(String encoded) {
        value = encoded;
        int from = 0;
        for (int i = 0; i < FIELDS - 1; i++) {
            int at = encoded.indexOf(SEPARATOR, from);
            if (at < 0) {
                throw new IllegalArgumentException("directory entry with " + (i + 1) + " fields, " + FIELDS + " expected");
            }
            starts[i] = from;
            ends[i] = at;
            from = at + 1;
        }
        starts[FIELDS - 1] = from;
        ends[FIELDS - 1] = encoded.length();
        return this;
    }

    /** Whether the field was absent (stored empty). */
    public boolean absent(int field) {
        return starts[field] == ends[field];
    }

    /** The field's text, null when absent. */
    public String text(int field) {
        return absent(field) ? null : value.substring(starts[field], ends[field]);
    }

    /** Whether the field is exactly {@code text}. */
    public boolean is(int field, String text) {
        int length = ends[field] - starts[field];
        return length == text.length() && value.regionMatches(starts[field], text, 0, length);
    }

    /** The field compared with {@code text} as {@link String#compareTo} would (ISO dates compare by date). */
    public int compare(int field, String text) {
        int length = ends[field] - starts[field];
        int common = Math.min(length, text.length());
        for (int k = 0; k < common; k++) {
            int difference = value.charAt(starts[field] + k) - text.charAt(k);
            if (difference != 0) {
                return difference;
            }
        }
        return length - text.length();
    }
}
