package cn.studyledger.org.domain;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.xlsx.XlsxReader;
import cn.studyledger.common.xlsx.XlsxRow;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Imports people from an .xlsx sheet (columns 姓名, 职务, 出生日期, 青年干部, 专家学者). All or nothing: every
 * row is checked first (the sheet is read by {@link XlsxReader} within its limits); if any row is bad, the report lists each bad row with its reason and nothing is saved.
 */
@Service
public class PersonImport {

    static final List<String> HEADER = List.of("姓名", "职务", "出生日期", "青年干部", "专家学者");

    private final PersonService people;
    private final Validator validator;
    private final XlsxReader reader;

    PersonImport(PersonService people, Validator validator, XlsxReader reader) {
        this.people = people;
        this.validator = validator;
        this.reader = reader;
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
        List<XlsxRow> all;
        try {
            all = reader.firstSheet(xlsx, HEADER);
        } catch (BusinessRuleException e) {
            return new Result(0, List.of(new RowError(0, e.getMessage())));
        }
        if (all.isEmpty()
                || all.get(0).number() != 1
                || !HEADER.equals(all.get(0).texts(HEADER.size()))) {
            return new Result(0, List.of(new RowError(1, "表头应为：" + String.join("、", HEADER))));
        }
        Set<String> seen = new HashSet<>();
        for (XlsxRow row : all.subList(1, all.size())) {
            int number = row.number();
            if (row.isBlank()) {
                continue;
            }
            try {
                PersonCommand command = new PersonCommand(
                        row.text(0), row.text(1), row.date(2, "1985-03-18"), row.flag(3), row.flag(4));
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
                    errors.add(
                            new RowError(number, "本单位已有在职人员“" + command.name().trim() + "”"));
                } else {
                    rows.add(command);
                }
            } catch (IllegalArgumentException e) {
                errors.add(new RowError(number, e.getMessage()));
            }
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
}
