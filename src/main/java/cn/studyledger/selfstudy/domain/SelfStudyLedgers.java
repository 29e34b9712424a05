package cn.studyledger.selfstudy.domain;

import static cn.studyledger.office.SqlLedger.label;

import cn.studyledger.office.LedgerProvider;
import cn.studyledger.office.LedgerRows;
import cn.studyledger.office.SqlLedger;
import cn.studyledger.org.OrgApi;
import cn.studyledger.selfstudy.WritingKind;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The self-study 台账 (entries of the year), the writings 台账 (心得体会, reports, articles) and the books 台账 (原著研读). */
@Configuration(proxyBeanMethods = false)
class SelfStudyLedgers {

    @Bean
    LedgerProvider selfStudyLedger(LedgerRows rows, OrgApi orgs) {
        return new SqlLedger(
                rows,
                orgs,
                "selfstudy",
                "个人自学台账",
                List.of("日期", "姓名", "时长（小时）", "学习内容"),
                "select e.study_date, e.person_id, e.hours, e.content from selfstudy_entry e where e.org_id = :org"
                        + " and e.study_date >= :from and e.study_date < :to order by e.study_date, e.id",
                (names, r) -> Arrays.asList(r.get(0), names.name(r.get(1)), r.get(2), r.get(3)));
    }

    @Bean
    LedgerProvider writingLedger(LedgerRows rows, OrgApi orgs) {
        return new SqlLedger(
                rows,
                orgs,
                "writings",
                "学习成果台账",
                List.of("日期", "姓名", "类别", "题目", "摘要", "附件"),
                "select w.written_on, w.person_id, w.kind, w.title, w.summary, w.file_id from selfstudy_writing w"
                        + " where w.org_id = :org and w.written_on >= :from and w.written_on < :to"
                        + " order by w.written_on, w.id",
                (names, r) -> Arrays.asList(
                        r.get(0),
                        names.name(r.get(1)),
                        label(r.get(2), c -> WritingKind.valueOf(c).label()),
                        r.get(3),
                        r.get(4),
                        r.get(5) == null ? "无" : "有"));
    }

    /** The books of the year (原著研读): the year they are recorded in, read or still being read. */
    @Bean
    LedgerProvider bookLedger(LedgerRows rows, OrgApi orgs) {
        return new SqlLedger(
                rows,
                orgs,
                "books",
                "原著研读台账",
                List.of("姓名", "书名", "作者", "开始阅读", "读完", "读书心得"),
                "select b.person_id, b.title, b.author, b.started_on, b.finished_on, b.note from selfstudy_book b"
                        + " where b.org_id = :org and b.book_year = :year order by b.started_on, b.id",
                (names, r) -> Arrays.asList(
                        names.name(r.get(0)),
                        r.get(1),
                        r.get(2),
                        r.get(3),
                        r.get(4) == null ? "在读" : r.get(4),
                        r.get(5)));
    }
}
