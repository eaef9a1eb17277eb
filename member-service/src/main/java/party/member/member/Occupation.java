package party.member.member;

import java.util.Optional;

/** 职业 (occupation category) as the Party statistics (党内统计) count it; {@link #label()} is the sheet's name. */
public enum Occupation {
    WORKER("工人"),
    FARMER("农牧渔民"),
    ENTERPRISE_MANAGER("企事业单位管理人员"),
    PROFESSIONAL_TECHNICAL("专业技术人员"),
    PARTY_GOVERNMENT_STAFF("党政机关工作人员"),
    STUDENT("学生"),
    MILITARY_POLICE("解放军武警"),
    RETIRED("离退休人员"),
    OTHER("其他职业人员");

    /** The names, for {@code @Pattern} on request bodies. */
    public static final String NAMES = "WORKER|FARMER|ENTERPRISE_MANAGER|PROFESSIONAL_TECHNICAL|PARTY_GOVERNMENT_STAFF"
            + "|STUDENT|MILITARY_POLICE|RETIRED|OTHER";

    private final String label;

    Occupation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The category a sheet's cell names: its label or the enum name. */
    public static Optional<Occupation> fromLabel(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        for (Occupation o : values()) {
            if (o.label.equals(t) || o.name().equals(t)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }
}
