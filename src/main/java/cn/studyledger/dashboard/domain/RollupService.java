package cn.studyledger.dashboard.domain;

import cn.studyledger.common.NotFoundException;
import cn.studyledger.common.audit.AuditLog;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.security.Role;
import cn.studyledger.figure.FigureApi;
import cn.studyledger.figure.FigureDefinition;
import cn.studyledger.figure.FigureDefinition.Kind;
import cn.studyledger.figure.FigureResult;
import cn.studyledger.office.OfficeDocuments;
import cn.studyledger.office.SheetData;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The roll-up for superiors (上级党委): the key figures of the working organisation and of every subordinate unit
 * in the superior's sight, side by side, with totals. Each unit's figures are the figure service's own, so every
 * cell opens the same records as that unit's figures page. A superior sees only their own subtree; anyone else
 * gets a 403 (no roll-up permission) or 404 (organisation out of sight).
 *
 * <p>No transaction of its own: while the figure service's statements run on the tally executor, the request holds
 * no database connection; what the roll-up reads, it reads through services that have their own.
 */
@Service
public class RollupService {

    static final String READ = "hasAuthority('" + Permissions.ROLLUP_VIEW + "')";

    /** The columns shown unless the user picks others (those that no module defines are left out). */
    static final List<String> DEFAULT_KEYS = List.of(
            "sessions.collective",
            "attendance.rate",
            "selfstudy.hours",
            "firsttopic.sessions",
            "writings.count",
            "materials.issues",
            "supervision.visits",
            "publicity.items");

    private final OrgApi orgs;
    private final FigureApi figures;
    private final OfficeDocuments office;
    private final AuditLog audit;

    RollupService(OrgApi orgs, FigureApi figures, OfficeDocuments office, AuditLog audit) {
        this.orgs = orgs;
        this.figures = figures;
        this.office = office;
        this.audit = audit;
    }

    /** The figures that can be rolled up (numbers, not texts): the default ones first. */
    @PreAuthorize(READ)
    public List<FigureDefinition> choices() {
        return figures.definitions().stream()
                .filter(d -> d.kind() != Kind.TEXT)
                .sorted(Comparator.comparingInt((FigureDefinition d) ->
                                DEFAULT_KEYS.contains(d.key()) ? DEFAULT_KEYS.indexOf(d.key()) : DEFAULT_KEYS.size())
                        .thenComparing(FigureDefinition::key))
                .toList();
    }

    /** The keys shown when none are chosen. */
    public List<String> defaultKeys() {
        return DEFAULT_KEYS.stream()
                .filter(k -> figures.definition(k).isPresent())
                .toList();
    }

    @PreAuthorize(READ)
    public Rollup rollup(String orgCode, int year, List<String> keys) {
        OrgRef org = orgs.requireRole(orgCode, Role.SUPERIOR);
        List<FigureDefinition> columns = columns(keys);
        List<OrgRef> units = units(org);
        // Each column is a grouped statement per chunk of units; the figure service runs them side by side (the
        // database does the work), each as the current user and in its own read-only transaction.
        Map<String, Map<Long, FigureResult>> tallied =
                figures.tally(columns.stream().map(FigureDefinition::key).toList(), units, year);
        List<Map<Long, FigureResult>> tallies = new ArrayList<>();
        for (FigureDefinition column : columns) {
            tallies.add(tallied.get(column.key()));
        }
        Map<Long, Rollup.Row> own = new HashMap<>();
        for (OrgRef unit : units) {
            List<Rollup.Cell> cells = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                FigureDefinition column = columns.get(c);
                FigureResult r = tallies.get(c).get(unit.id());
                cells.add(new Rollup.Cell(
                        column.key(),
                        r.value(),
                        r.numerator(),
                        r.denominator(),
                        evidencePage(unit.code(), column.key())));
            }
            own.put(unit.id(), new Rollup.Row(unit.code(), unit.name(), depth(org, unit), cells, 0));
        }
        List<Rollup.Row> rows = rows(org, units, own, columns);
        Rollup.Row total = totals(columns, List.copyOf(own.values()));
        return new Rollup(org.code(), org.name(), year, columns, rows, total);
    }

    /**
     * The organisation's own row, then one row per direct subordinate: its own figures when it has no units of its
     * own, else its whole subtree added up (as the totals are) and marked with how many units it holds.
     */
    static List<Rollup.Row> rows(
            OrgRef org, List<OrgRef> units, Map<Long, Rollup.Row> own, List<FigureDefinition> columns) {
        List<Rollup.Row> rows = new ArrayList<>();
        rows.add(own.get(org.id()));
        for (OrgRef child : units) {
            if (depth(org, child) != 1) {
                continue;
            }
            List<Rollup.Row> subtree = units.stream()
                    .filter(u -> u.path().startsWith(child.path()))
                    .map(u -> own.get(u.id()))
                    .toList();
            rows.add(
                    subtree.size() == 1
                            ? own.get(child.id())
                            : new Rollup.Row(
                                    child.code(),
                                    child.name(),
                                    1,
                                    totals(columns, subtree).cells(),
                                    subtree.size() - 1));
        }
        return rows;
    }

    /** The records behind one unit's figure; the unit must be in the current user's roll-up scope. */
    @PreAuthorize(READ)
    public FigureApi.Figure evidence(String unitCode, int year, String key) {
        orgs.requireRole(unitCode, Role.SUPERIOR);
        FigureDefinition definition =
                figures.definition(key).orElseThrow(() -> new NotFoundException("没有名为“" + key + "”的统计指标"));
        return new FigureApi.Figure(
                definition, figures.figure(unitCode, year, key).result());
    }

    /** The roll-up as a workbook: the table of the page, totals last. Recorded in the audit log. */
    @PreAuthorize(READ)
    public byte[] xlsx(String orgCode, int year, List<String> keys) {
        Rollup rollup = rollup(orgCode, year, keys);
        List<String> header = new ArrayList<>();
        header.add("单位");
        rollup.columns().forEach(c -> header.add(c.label() + (c.unit().isEmpty() ? "" : "（" + c.unit() + "）")));
        List<List<Object>> rows = new ArrayList<>();
        for (Rollup.Row row : rollup.rows()) {
            rows.add(sheetRow(row.orgName(), row.cells()));
        }
        rows.add(sheetRow("合计", rollup.total().cells()));
        byte[] bytes = office.xlsx(List.of(new SheetData(year + "年度汇总", header, rows)));
        audit.recordExport(
                "下属单位汇总",
                rollup.orgCode(),
                "导出 " + rollup.orgName() + " " + year + "年度下属单位学习情况汇总（.xlsx，"
                        + rollup.rows().size() + "个单位）");
        return bytes;
    }

    private List<FigureDefinition> columns(List<String> keys) {
        List<String> chosen = keys == null || keys.isEmpty() ? DEFAULT_KEYS : keys;
        List<FigureDefinition> columns = new ArrayList<>();
        for (String key : chosen) {
            figures.definition(key)
                    .filter(d -> d.kind() != Kind.TEXT)
                    .filter(d -> columns.stream().noneMatch(c -> c.key().equals(d.key())))
                    .ifPresent(columns::add);
        }
        return columns;
    }

    /** The organisation and its descendants that the current user may read, in tree order. */
    private List<OrgRef> units(OrgRef org) {
        List<OrgRef> units = new ArrayList<>();
        units.add(org);
        orgs.readableOrgs().stream()
                .filter(o -> o.id() != org.id() && o.path().startsWith(org.path()))
                .sorted(Comparator.comparing(OrgRef::path))
                .forEach(units::add);
        return units;
    }

    private static int depth(OrgRef org, OrgRef unit) {
        return (int) unit.path()
                .substring(org.path().length())
                .chars()
                .filter(c -> c == '/')
                .count();
    }

    /**
     * Counts and sums add up; a rate is Σ numerators / Σ denominators, never an average of the rates; an average (a
     * mean score) has no total: the mean of the units' means is no one's figure, so its cell stays empty (—).
     */
    static Rollup.Row totals(List<FigureDefinition> columns, List<Rollup.Row> rows) {
        List<Rollup.Cell> cells = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            FigureDefinition column = columns.get(c);
            if (column.kind() == Kind.RATE) {
                long numerator = 0;
                long denominator = 0;
                for (Rollup.Row row : rows) {
                    Rollup.Cell cell = row.cells().get(c);
                    numerator += cell.numerator() == null ? 0 : cell.numerator();
                    denominator += cell.denominator() == null ? 0 : cell.denominator();
                }
                cells.add(new Rollup.Cell(column.key(), percent(numerator, denominator), numerator, denominator, null));
            } else if (column.kind() == Kind.AVERAGE) {
                cells.add(new Rollup.Cell(column.key(), null, null, null, null));
            } else {
                BigDecimal sum = BigDecimal.ZERO;
                for (Rollup.Row row : rows) {
                    Object value = row.cells().get(c).value();
                    if (value instanceof Number number) {
                        sum = sum.add(new BigDecimal(number.toString()));
                    }
                }
                Object total = column.kind() == Kind.COUNT ? (Object) sum.longValueExact() : plain(sum);
                cells.add(new Rollup.Cell(column.key(), total, null, null, null));
            }
        }
        return new Rollup.Row("", "合计", 0, cells, 0);
    }

    /** The same percentage as a single unit's rate. */
    static BigDecimal percent(long numerator, long denominator) {
        return FigureResult.percent(numerator, denominator);
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static List<Object> sheetRow(String name, List<Rollup.Cell> cells) {
        List<Object> values = new ArrayList<>();
        values.add(name);
        for (Rollup.Cell cell : cells) {
            values.add(cell.value() == null ? "—" : cell.value());
        }
        return values;
    }

    private static String evidencePage(String unitCode, String key) {
        return "/rollup/evidence?org=" + URLEncoder.encode(unitCode, StandardCharsets.UTF_8) + "&key="
                + URLEncoder.encode(key, StandardCharsets.UTF_8);
    }
}
