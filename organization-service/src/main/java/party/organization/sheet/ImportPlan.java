package party.organization.sheet;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import party.organization.organization.OrganizationType;

/**
 * Checks every row of a sheet before anything is written, and orders what is to be created
 * parents first. Pure logic: what exists already is asked through {@code existing}.
 */
final class ImportPlan {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,50}");
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.BASIC_ISO_DATE, DateTimeFormatter.ofPattern("yyyy.M.d"));

    /** An organization that exists already, as the plan needs to see it. */
    record Existing(String id, OrganizationType type, List<String> ancestors, boolean active, boolean managed) {
    }

    /** A problem with one cell; {@code code} names the message {@code import.error.<code>}. */
    record RowError(int row, String column, String code, String value) {
    }

    /** One organization to create, with its id and place already decided. */
    record Planned(int row, String id, OrganizationType type, String name, String code, LocalDate foundedOn,
                   String parentId, List<String> ancestors) {
    }

    record Result(List<Planned> planned, List<RowError> errors) {
        boolean ok() {
            return errors.isEmpty();
        }
    }

    private ImportPlan() {
    }

    static Result of(List<SheetRow> rows, Function<String, Optional<Existing>> existing, boolean mayCreateRoots,
                     LocalDate today) {
        List<RowError> errors = new ArrayList<>();
        Map<String, SheetRow> byCode = new LinkedHashMap<>();
        Map<String, OrganizationType> types = new HashMap<>();
        Map<String, LocalDate> dates = new HashMap<>();
        for (SheetRow row : rows) {
            if (row.name().isEmpty()) {
                errors.add(new RowError(row.rowNumber(), "党组织名称", "required", row.name()));
            } else if (row.name().length() > 100) {
                errors.add(new RowError(row.rowNumber(), "党组织名称", "too-long", row.name()));
            }
            if (!CODE.matcher(row.code()).matches()) {
                errors.add(new RowError(row.rowNumber(), "党组织编码", "invalid-code", row.code()));
            } else if (byCode.containsKey(row.code())) {
                errors.add(new RowError(row.rowNumber(), "党组织编码", "duplicate-in-sheet", row.code()));
            } else if (existing.apply(row.code()).isPresent()) {
                errors.add(new RowError(row.rowNumber(), "党组织编码", "code-exists", row.code()));
            } else {
                byCode.put(row.code(), row);
            }
            OrganizationType type = OrganizationSheet.CATEGORIES.get(row.category());
            if (type == null) {
                errors.add(new RowError(row.rowNumber(), "党组织类别", "unknown-category", row.category()));
            } else {
                types.put(row.code(), type);
            }
            if (!row.foundedOn().isEmpty()) {
                LocalDate date = parse(row.foundedOn());
                if (date == null) {
                    errors.add(new RowError(row.rowNumber(), "成立日期", "invalid-date", row.foundedOn()));
                } else if (date.isAfter(today)) {
                    errors.add(new RowError(row.rowNumber(), "成立日期", "future-date", row.foundedOn()));
                } else {
                    dates.put(row.code(), date);
                }
            }
        }
        Map<String, String> ids = new HashMap<>();
        byCode.keySet().forEach(code -> ids.put(code, UUID.randomUUID().toString()));
        Map<String, List<String>> ancestors = new HashMap<>();
        List<Planned> planned = new ArrayList<>();
        Set<String> failed = new HashSet<>();
        for (SheetRow row : byCode.values()) {
            place(row, byCode, existing, mayCreateRoots, types, ids, ancestors, errors, new HashSet<>(), failed);
        }
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparingInt(RowError::row));
            return new Result(List.of(), errors);
        }
        for (SheetRow row : byCode.values()) {
            List<String> path = ancestors.get(row.code());
            planned.add(new Planned(row.rowNumber(), ids.get(row.code()), types.get(row.code()), row.name(), row.code(),
                    dates.get(row.code()), path.isEmpty() ? null : path.getLast(), path));
        }
        planned.sort(java.util.Comparator.comparingInt((Planned p) -> p.ancestors().size()).thenComparingInt(Planned::row));
        return new Result(planned, List.of());
    }

    /** Decides the ancestors of a row (after its parent's); records errors; false when it cannot be placed. */
    private static boolean place(SheetRow row, Map<String, SheetRow> byCode, Function<String, Optional<Existing>> existing,
                                 boolean mayCreateRoots, Map<String, OrganizationType> types, Map<String, String> ids,
                                 Map<String, List<String>> ancestors, List<RowError> errors, Set<String> visiting,
                                 Set<String> failed) {
        if (ancestors.containsKey(row.code())) {
            return true;
        }
        if (failed.contains(row.code())) {
            return false;
        }
        if (!visiting.add(row.code())) {
            errors.add(new RowError(row.rowNumber(), "上级党组织编码", "cycle", row.parentCode()));
            failed.add(row.code());
            return false;
        }
        boolean placed = placeUnderParent(row, byCode, existing, mayCreateRoots, types, ids, ancestors, errors, visiting,
                failed);
        if (!placed) {
            failed.add(row.code());
        }
        return placed;
    }

    private static boolean placeUnderParent(SheetRow row, Map<String, SheetRow> byCode,
                                            Function<String, Optional<Existing>> existing, boolean mayCreateRoots,
                                            Map<String, OrganizationType> types, Map<String, String> ids,
                                            Map<String, List<String>> ancestors, List<RowError> errors,
                                            Set<String> visiting, Set<String> failed) {
        OrganizationType type = types.get(row.code());
        String parentCode = row.parentCode();
        if (parentCode.isEmpty()) {
            if (!mayCreateRoots) {
                errors.add(new RowError(row.rowNumber(), "上级党组织编码", "root-requires-admin", parentCode));
                return false;
            }
            if (type != null && !type.mayStandUnder(null)) {
                errors.add(new RowError(row.rowNumber(), "党组织类别", "invalid-placement", row.category()));
                return false;
            }
            ancestors.put(row.code(), List.of());
            return true;
        }
        SheetRow parentRow = byCode.get(parentCode);
        List<String> parentPath;
        OrganizationType parentType;
        String parentId;
        if (parentRow != null) {
            if (!place(parentRow, byCode, existing, mayCreateRoots, types, ids, ancestors, errors, visiting, failed)) {
                if (errors.stream().noneMatch(e -> e.row() == row.rowNumber())) {
                    errors.add(new RowError(row.rowNumber(), "上级党组织编码", "parent-not-placed", parentCode));
                }
                return false;
            }
            parentPath = ancestors.get(parentCode);
            parentType = types.get(parentCode);
            parentId = ids.get(parentCode);
        } else {
            Optional<Existing> parent = existing.apply(parentCode).filter(p -> p.managed() && p.active());
            if (parent.isEmpty()) {
                errors.add(new RowError(row.rowNumber(), "上级党组织编码", "unknown-parent", parentCode));
                return false;
            }
            parentPath = parent.get().ancestors();
            parentType = parent.get().type();
            parentId = parent.get().id();
        }
        if (type != null && parentType != null && !type.mayStandUnder(parentType)) {
            errors.add(new RowError(row.rowNumber(), "党组织类别", "invalid-placement", row.category()));
            return false;
        }
        List<String> path = new ArrayList<>(parentPath);
        path.add(parentId);
        ancestors.put(row.code(), List.copyOf(path));
        return true;
    }

    private static LocalDate parse(String text) {
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException ignored) {
                // try the next format
            }
        }
        return null;
    }
}
