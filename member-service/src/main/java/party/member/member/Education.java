package party.member.member;

import java.util.Map;
import java.util.Optional;

/** 学历 as the Party statistics count it; {@link #label()} is the name on the roster sheet. */
public enum Education {
    POSTGRADUATE("研究生"),
    UNDERGRADUATE("大学本科"),
    JUNIOR_COLLEGE("大学专科"),
    SECONDARY_VOCATIONAL("中专"),
    HIGH_SCHOOL("高中/中技"),
    JUNIOR_HIGH_OR_BELOW("初中及以下");

    /** The names, for {@code @Pattern} on request bodies. */
    public static final String NAMES =
            "POSTGRADUATE|UNDERGRADUATE|JUNIOR_COLLEGE|SECONDARY_VOCATIONAL|HIGH_SCHOOL|JUNIOR_HIGH_OR_BELOW";

    /** Other ways sheets commonly write a level (博士 and 硕士 are 研究生). */
    private static final Map<String, Education> ALIASES = Map.of(
            "博士", POSTGRADUATE, "硕士", POSTGRADUATE, "本科", UNDERGRADUATE, "大专", JUNIOR_COLLEGE,
            "专科", JUNIOR_COLLEGE, "高中", HIGH_SCHOOL, "中技", HIGH_SCHOOL, "初中", JUNIOR_HIGH_OR_BELOW,
            "小学", JUNIOR_HIGH_OR_BELOW);

    private final String label;

    Education(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The level a sheet's cell names: its label, a common alias, or the enum name. */
    public static Optional<Education> fromLabel(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        for (Education e : values()) {
            if (e.label.equals(t) || e.name().equals(t)) {
                return Optional.of(e);
            }
        }
        return Optional.ofNullable(ALIASES.get(t));
    }
}
