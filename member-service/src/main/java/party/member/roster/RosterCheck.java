package party.member.roster;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import party.member.member.Education;
import party.member.member.Ethnicity;
import party.member.member.Gender;
import party.member.member.MemberProfile;
import party.member.member.MemberStatus;
import party.member.member.NationalId;
import party.member.member.Occupation;
import party.platform.pii.Masking;

/**
 * The checks of a whole roster sheet, run before anything is written. Pure: what it needs from the
 * registry and the org tree comes in as functions, so every rule is unit-tested without storage.
 */
final class RosterCheck {

    static final Map<String, Gender> GENDERS = Map.of("男", Gender.MALE, "女", Gender.FEMALE,
            "MALE", Gender.MALE, "FEMALE", Gender.FEMALE);
    static final Map<String, MemberStatus> CATEGORIES = Map.of("正式党员", MemberStatus.FULL,
            "预备党员", MemberStatus.PROBATIONARY);
    private static final Pattern PHONE = Pattern.compile("1\\d{10}");
    private static final Pattern DATE = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})");
    private static final DateTimeFormatter STRICT = DateTimeFormatter.ofPattern("uuuu-M-d").withResolverStyle(ResolverStyle.STRICT);
    static final int MAX_NAME = 50;
    static final int MAX_TEXT = 50;

    private RosterCheck() {
    }

    /** What the org tree says about a branch named in the sheet, seen by the importing user. */
    record OrgFacts(boolean exists, boolean managed, boolean active, boolean branch) {
        static final OrgFacts UNKNOWN = new OrgFacts(false, false, false, false);
    }

    /** One problem; {@code value} is the cell as written, ID numbers and phones masked. */
    record Problem(int row, String column, String code, String value) {
    }

    /** A row that passed every check, parsed. */
    record Checked(RosterRow row, String name, Gender gender, LocalDate birthDate, String nationalId, String phone,
                   String orgId, MemberStatus status, LocalDate joinedAt, LocalDate fullMembershipDate,
                   MemberProfile profile) {
    }

    record Result(List<Checked> rows, List<Problem> problems) {
        boolean ok() {
            return problems.isEmpty();
        }
    }

    /**
     * @param orgs what the org tree says about an organization id
     * @param registered whether a normalized, valid national ID number is in the registry already
     * @param today the calendar day in Asia/Shanghai
     */
    static Result check(List<RosterRow> rows, Function<String, OrgFacts> orgs, Predicate<String> registered, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        List<Checked> checked = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (RosterRow row : rows) {
            int before = problems.size();
            Rows r = new Rows(row, problems);
            String name = r.required("姓名", row.name());
            if (name != null && name.length() > MAX_NAME) {
                r.add("姓名", "too-long", name);
            }
            Gender gender = r.oneOf("性别", row.gender(), GENDERS);
            String ethnicity = r.optionalText("民族", row.ethnicity(), MAX_TEXT);
            if (ethnicity != null && !Ethnicity.isKnown(ethnicity)) {
                r.add("民族", "not-allowed", ethnicity);
            }
            Education education = r.optionalLabel("学历", row.education(), Education::fromLabel);
            String nativePlace = r.optionalText("籍贯", row.nativePlace(), MemberProfile.MAX_NATIVE_PLACE);
            String workUnit = r.optionalText("工作单位", row.workUnit(), MemberProfile.MAX_WORK_UNIT);
            String position = r.optionalText("职务", row.position(), MemberProfile.MAX_POSITION);
            Occupation occupation = r.optionalLabel("职业", row.occupation(), Occupation::fromLabel);
            LocalDate birthDate = r.pastDate("出生日期", row.birthDate(), today, true);
            String nationalId = checkNationalId(r, row.nationalId(), birthDate, seen, registered);
            String phone = blankToNull(row.phone());
            if (phone != null && !PHONE.matcher(phone).matches()) {
                r.add("手机号码", "phone-invalid", Masking.phone(phone));
            }
            String orgId = r.required("所在党组织ID", row.orgId());
            if (orgId != null) {
                OrgFacts org = orgs.apply(orgId);
                // Unknown and outside the importer's scope read the same: the report reveals no organization.
                if (!org.exists() || !org.managed()) {
                    r.add("所在党组织ID", "org-unavailable", orgId);
                } else if (!org.active()) {
                    r.add("所在党组织ID", "org-dissolved", orgId);
                } else if (!org.branch()) {
                    r.add("所在党组织ID", "org-not-branch", orgId);
                }
            }
            MemberStatus status = r.oneOf("人员类别", row.category(), CATEGORIES);
            LocalDate joinedAt = r.pastDate("入党日期", row.joinedAt(), today, true);
            if (joinedAt != null && birthDate != null && !joinedAt.isAfter(birthDate)) {
                r.add("入党日期", "joined-before-birth", row.joinedAt());
            }
            LocalDate full = r.pastDate("转正日期", row.fullMembershipDate(), today, false);
            if (full != null && status == MemberStatus.PROBATIONARY) {
                r.add("转正日期", "full-date-for-probationary", row.fullMembershipDate());
            } else if (full != null && joinedAt != null && !full.isAfter(joinedAt)) {
                r.add("转正日期", "full-not-after-joined", row.fullMembershipDate());
            }
            if (problems.size() == before) {
                checked.add(new Checked(row, name, gender, birthDate, nationalId, phone, orgId, status, joinedAt, full,
                        new MemberProfile(ethnicity, nativePlace, education, workUnit, position, occupation, null)));
            }
        }
        return new Result(List.copyOf(checked), List.copyOf(problems));
    }

    private static String checkNationalId(Rows r, String value, LocalDate birthDate, Map<String, Integer> seen,
                                          Predicate<String> registered) {
        String id = NationalId.normalize(r.required("公民身份号码", value));
        if (id == null) {
            return null;
        }
        if (!NationalId.isValid(id)) {
            r.add("公民身份号码", "national-id-invalid", Masking.nationalId(id));
            return null;
        }
        if (birthDate != null && !NationalId.birthDate(id).orElseThrow().equals(birthDate)) {
            r.add("公民身份号码", "national-id-birth-mismatch", Masking.nationalId(id));
        }
        Integer first = seen.putIfAbsent(id, r.row.row());
        if (first != null) {
            r.add("公民身份号码", "national-id-duplicate-in-sheet", String.valueOf(first));
        } else if (registered.test(id)) {
            r.add("公民身份号码", "national-id-registered", Masking.nationalId(id));
        }
        return id;
    }

    /** Parses yyyy-M-d (also with / or . between); null if blank or not a real date. */
    static LocalDate parseDate(String value) {
        var m = DATE.matcher(value.strip());
        if (!m.matches()) {
            return null;
        }
        try {
            return LocalDate.parse(m.group(1) + "-" + m.group(2) + "-" + m.group(3), STRICT);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Collects the problems of one row. */
    private record Rows(RosterRow row, List<Problem> problems) {

        void add(String column, String code, String value) {
            problems.add(new Problem(row.row(), column, code, value));
        }

        String required(String column, String value) {
            String v = blankToNull(value);
            if (v == null) {
                add(column, "required", "");
            }
            return v;
        }

        String optionalText(String column, String value, int max) {
            String v = blankToNull(value);
            if (v != null && v.length() > max) {
                add(column, "too-long", v);
                return null;
            }
            return v;
        }

        /** A cell naming one of a set of labels, or empty; any other text is not allowed. */
        <T> T optionalLabel(String column, String value, Function<String, java.util.Optional<T>> parse) {
            String v = blankToNull(value);
            if (v == null) {
                return null;
            }
            T parsed = parse.apply(v).orElse(null);
            if (parsed == null) {
                add(column, "not-allowed", v);
            }
            return parsed;
        }

        <T> T oneOf(String column, String value, Map<String, T> allowed) {
            String v = required(column, value);
            if (v == null) {
                return null;
            }
            T parsed = allowed.get(v.toUpperCase(java.util.Locale.ROOT));
            if (parsed == null) {
                add(column, "not-allowed", v);
            }
            return parsed;
        }

        LocalDate pastDate(String column, String value, LocalDate today, boolean required) {
            String v = required ? required(column, value) : blankToNull(value);
            if (v == null) {
                return null;
            }
            LocalDate date = parseDate(v);
            if (date == null) {
                add(column, "date-invalid", v);
            } else if (date.isAfter(today)) {
                add(column, "date-in-future", v);
                return null;
            }
            return date;
        }
    }
}
