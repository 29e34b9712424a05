package cn.studyledger.org.domain;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.springframework.stereotype.Service;

/**
 * Imports people from an .xlsx sheet (columns 姓名, 职务, 出生日期, 青年干部, 专家学者). All or nothing: every
 * row is checked first; if any row is bad, the report lists each bad row with its reason and nothing is saved.
 */
@Service
public class PersonImport {

    static final List<String> HEADER = List.of("姓名", "职务", "出生日期", "青年干部", "专家学者");
    static final int MAX_ROWS = 5000;

    private final PersonService people;
    private final Validator validator;

    PersonImport(PersonService people, Validator validator) {
        this.people = people;
        this.validator = validator;
    }

    /** The result of one import: how many were saved, or why none were. */
    public record Result(int saved, List<RowError> errors) {

        public boolean succeeded() {
            return errors.isEmpty();
        }
    }

    /** A bad row: its number as Excel shows it (header is row 1) and what is wrong. */
    public record RowError(int row, String reason) {}

    public Result run(String orgCode, InputStream xlsx) {
        people.checkEditable(orgCode);
        List<PersonCommand> rows = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(xlsx)) {
            Sheet sheet = workbook.getFirstSheet();
            List<Row> all = sheet.read();
            if (all.isEmpty() || !HEADER.equals(headerOf(all.get(0)))) {
                return new Result(0, List.of(new RowError(1, "表头应为：" + String.join("、", HEADER))));
            }
            if (all.size() - 1 > MAX_ROWS) {
                return new Result(0, List.of(new RowError(1, "一次最多导入" + MAX_ROWS + "行")));
            }
            Set<String> seen = new HashSet<>();
            for (Row row : all.subList(1, all.size())) {
                int number = row.getRowNum();
                if (isBlank(row)) {
                    continue;
                }
                try {
                    PersonCommand command =
                            new PersonCommand(text(row, 0), text(row, 1), date(row, 2), flag(row, 3), flag(row, 4));
                    Set<ConstraintViolation<PersonCommand>> violations = validator.validate(command);
                    if (!violations.isEmpty()) {
                        errors.add(new RowError(
                                number,
                                violations.stream()
                                        .map(ConstraintViolation::getMessage)
                                        .sorted()
                                        .collect(Collectors.joining("；"))));
                    } else if (!seen.add(command.name().trim())) {
                        errors.add(new RowError(number, "姓名“" + command.name().trim() + "”在表中重复"));
                    } else if (people.nameTaken(orgCode, command.name().trim())) {
                        errors.add(new RowError(
                                number, "本单位已有在职人员“" + command.name().trim() + "”"));
                    } else {
                        rows.add(command);
                    }
                } catch (IllegalArgumentException e) {
                    errors.add(new RowError(number, e.getMessage()));
                }
            }
        } catch (IOException | ExcelReaderException e) {
            return new Result(0, List.of(new RowError(0, "无法读取文件，请上传 .xlsx 格式的 Excel 文件")));
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(RowError::row));
            return new Result(0, errors);
        }
        if (rows.isEmpty()) {
            return new Result(0, List.of(new RowError(2, "表中没有数据行")));
        }
        return new Result(people.importAll(orgCode, rows), List.of());
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
            throw new IllegalArgumentException("出生日期“" + value + "”格式不对，应为 1985-03-18");
        }
    }

    private static boolean flag(Row row, int column) {
        String value = text(row, column);
        if (value == null || value.equals("否")) {
            return false;
        }
        if (value.equals("是")) {
            return true;
        }
        throw new IllegalArgumentException(HEADER.get(column) + "应填“是”或“否”，不能是“" + value + "”");
    }
}
