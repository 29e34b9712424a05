package cn.studyledger.selfstudy.domain;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.security.Role;
import cn.studyledger.common.xlsx.XlsxReader;
import cn.studyledger.common.xlsx.XlsxRow;
import cn.studyledger.org.GroupMember;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
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

    private final OnlineLearningService service;
    private final OrgApi orgs;
    private final Validator validator;
    private final XlsxReader reader;

    OnlineLearningImport(OnlineLearningService service, OrgApi orgs, Validator validator, XlsxReader reader) {
        this.service = service;
        this.orgs = orgs;
        this.validator = validator;
        this.reader = reader;
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
        List<XlsxRow> all;
        try {
            all = reader.firstSheet(xlsx, HEADER);
        } catch (BusinessRuleException e) {
            return Result.failed(List.of(new RowError(0, e.getMessage())));
        }
        if (all.isEmpty()
                || all.get(0).number() != 1
                || !HEADER.equals(all.get(0).texts(HEADER.size()))) {
            return Result.failed(List.of(new RowError(1, "表头应为：" + String.join("、", HEADER))));
        }
        Map<Integer, Map<String, List<GroupMember>>> groups = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (XlsxRow row : all.subList(1, all.size())) {
            if (row.isBlank()) {
                continue;
            }
            int number = row.number();
            try {
                String name = row.text(0);
                OnlineLearningCommand command = new OnlineLearningCommand(
                        0L,
                        row.text(1),
                        row.date(2, "2025-01-01"),
                        row.date(3, "2025-01-01"),
                        row.integer(4),
                        Optional.ofNullable(row.integer(5)).orElse(0));
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
}
