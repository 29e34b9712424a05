package cn.studyledger.selfstudy.domain;

import cn.studyledger.common.security.Role;
import cn.studyledger.org.GroupMember;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports online learning from an .xlsx sheet (columns 姓名, 平台, 开始日期, 结束日期, 人次, 积分), e.g. the
 * quarterly export of 学习强国. All or nothing: every row is checked first; if any row is bad, the result lists each
 * bad row with its number and reason and nothing is saved.
 */
@Service
public class OnlineLearningImport {

    static final List<String> HEADER = List.of("姓名", "平台", "开始日期", "结束日期", "人次", "积分");
    static final int MAX_ROWS = 5000;

    private final OnlineLearningService service;
    private final OrgApi orgs;
    private final Validator validator;

    OnlineLearningImport(OnlineLearningService service, OrgApi orgs, Validator validator) {
        this.service = service;
        this.orgs = orgs;
        this.validator = validator;
    }

    /** The result of one import: how many rows were saved, or why none were. */
    public record Result(int saved, long personTimes, List<RowError> errors) {

        public boolean succeeded() {
            return errors.isEmpty();
        }

        static Result failed(List<RowError> errors) {
            return new Result(0, 0, errors);
        }
    }

    /** A bad row: its number as Excel shows it (the header is row 1) and what is wrong with it. */
    public record RowError(int row, String reason) {}

    @Transactional
    @PreAuthorize(OnlineLearningService.WRITE)
    public Result run(String orgCode, InputStream xlsx) {
        OrgRef org = orgs.requireRole(orgCode, Role.CLERK);
        List<OnlineLearning> good = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(xlsx)) {
            Sheet sheet = workbook.getFirstSheet();
            List<Row> all = sheet.read();
            if (all.isEmpty() || !HEADER.equals(headerOf(all.get(0)))) {
                return Result.failed(List.of(new RowError(1, "表头应为：" + String.join("、", HEADER))));
            }
            if (all.size() - 1 > MAX_ROWS) {
                return Result.failed(List.of(new RowError(1, "一次最多导入" + MAX_ROWS + "行")));
            }
            Map<Integer, Map<String, List<GroupMember>>> groups = new HashMap<>();
            Set<String> seen = new HashSet<>();
            for (Row row : all.subList(1, all.size())) {
                if (isBlank(row)) {
                    continue;
                }
                int number = row.getRowNum();
                try {
                    String name = text(row, 0);
                    OnlineLearningCommand command = new OnlineLearningCommand(
                            0L,
                            text(row, 1),
                            date(row, 2),
                            date(row, 3),
                            integer(row, 4),
                            Optional.ofNullable(integer(row, 5)).orElse(0));
                    List<String> problems = new ArrayList<>();
                    if (name == null) {
                        problems.add("请填写姓名");
                    }
                    validator.validate(command).stream()
                            .map(ConstraintViolation::getMessage)
                            .sorted()
                            .forEach(problems::add);
                    if (!problems.isEmpty()) {
                        errors.add(new RowError(number, String.join("；", problems)));
                        continue;
                    }
                    if (command.periodEnd().isBefore(command.periodStart())) {
                        errors.add(new RowError(number, "结束日期不能早于开始日期"));
                        continue;
                    }
                    int year = command.periodStart().getYear();
                    List<GroupMember> named =
                            groups.computeIfAbsent(year, y -> byName(org, y)).getOrDefault(name, List.of());
                    if (named.isEmpty()) {
                        errors.add(new RowError(number, "“" + name + "”不是" + year + "年度本单位中心组成员"));
                        continue;
                    }
                    if (named.size() > 1) {
                        errors.add(new RowError(number, year + "年度中心组中有多人名为“" + name + "”，无法区分，请逐条登记"));
                        continue;
                    }
                    long personId = named.get(0).personId();
                    String platform = command.platform().trim();
                    String key = personId + "|" + platform + "|" + command.periodStart() + "|" + command.periodEnd();
                    if (!seen.add(key)) {
                        errors.add(new RowError(number, "与表中前面的行重复（同一人、平台和期间）"));
                    } else if (service.isDuplicate(
                            org.id(), personId, platform, command.periodStart(), command.periodEnd())) {
                        errors.add(new RowError(
                                number,
                                "“" + name + "”在“" + platform + "” " + command.periodStart() + "至" + command.periodEnd()
                                        + " 的记录已存在"));
                    } else {
                        good.add(new OnlineLearning(
                                org.id(),
                                personId,
                                platform,
                                command.periodStart(),
                                command.periodEnd(),
                                command.personTimes(),
                                command.points()));
                    }
                } catch (IllegalArgumentException e) {
                    errors.add(new RowError(number, e.getMessage()));
                }
            }
        } catch (IOException | ExcelReaderException e) {
            return Result.failed(List.of(new RowError(0, "无法读取文件，请上传 .xlsx 格式的 Excel 文件")));
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(RowError::row));
            return Result.failed(errors);
        }
        if (good.isEmpty()) {
            return Result.failed(List.of(new RowError(2, "表中没有数据行")));
        }
        int saved = service.saveImported(org, good);
        return new Result(
                saved, good.stream().mapToLong(OnlineLearning::personTimes).sum(), List.of());
    }

    private Map<String, List<GroupMember>> byName(OrgRef org, int year) {
        return orgs.group(org.id(), year).stream().collect(Collectors.groupingBy(GroupMember::name));
    }

    private static List<String> headerOf(Row row) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < HEADER.size(); i++) {
            names.add(Optional.ofNullable(text(row, i)).orElse(""));
        }
        return names;
    }

    private static boolean isBlank(Row row) {
        for (int i = 0; i < HEADER.size(); i++) {
            if (text(row, i) != null) {
                return false;
            }
        }
        return true;
    }

    private static String text(Row row, int column) {
        Optional<Cell> cell = row.getOptionalCell(column);
        if (cell.isEmpty() || cell.get().getType() == CellType.EMPTY) {
            return null;
        }
        String raw = cell.get().getRawValue();
        if (cell.get().getType() == CellType.STRING || cell.get().getType() == CellType.FORMULA) {
            raw = cell.get().getText();
        }
        return raw == null || raw.isBlank() ? null : raw.trim();
    }

    private static LocalDate date(Row row, int column) {
        Optional<Cell> cell = row.getOptionalCell(column);
        if (cell.isEmpty() || cell.get().getType() == CellType.EMPTY) {
            return null;
        }
        if (cell.get().getType() == CellType.NUMBER) {
            return cell.get().asDate().toLocalDate();
        }
        String value = text(row, column);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.replace('/', '-').replace('.', '-'));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(HEADER.get(column) + "“" + value + "”格式不对，应为 2025-01-01");
        }
    }

    private static Integer integer(Row row, int column) {
        String value = text(row, column);
        if (value == null) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(value);
            if (number.stripTrailingZeros().scale() > 0) {
                throw new IllegalArgumentException(HEADER.get(column) + "应为整数，不能是“" + value + "”");
            }
            return number.intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(HEADER.get(column) + "应为整数，不能是“" + value + "”");
        }
    }
}
