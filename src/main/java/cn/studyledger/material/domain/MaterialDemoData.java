package cn.studyledger.material.domain;

import cn.studyledger.common.files.FileKind;
import cn.studyledger.common.files.FileStore;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo study materials of X局 for 2025: eight published issues of 专题学习资料 (第1期…第8期) and a draft 第9期,
 * and a library of about ten documents, each with a small text file.
 */
@Component
@Profile("demo")
@Order(70)
class MaterialDemoData implements ApplicationRunner {

    private record IssueSample(LocalDate date, String title, String contents) {}

    private record DocumentSample(String title, String category, String tags, String source, LocalDate date) {}

    private static final List<IssueSample> ISSUES = List.of(
            new IssueSample(
                    LocalDate.of(2025, 1, 20),
                    "学习贯彻习近平新时代中国特色社会主义思想",
                    "一、习近平总书记在二十届中央纪委四次全会上的重要讲话\n二、《习近平著作选读》第一卷有关篇目导读\n三、学习辅导文章两篇"),
            new IssueSample(
                    LocalDate.of(2025, 2, 26), "深入学习习近平生态文明思想", "一、《习近平生态文明思想学习纲要》摘编\n二、全国生态环境保护大会精神解读\n三、美丽中国建设典型案例"),
            new IssueSample(LocalDate.of(2025, 3, 28), "全国两会精神专题", "一、政府工作报告中生态环境相关内容\n二、代表委员谈绿色低碳发展\n三、学习思考题"),
            new IssueSample(
                    LocalDate.of(2025, 4, 25), "深入贯彻中央八项规定精神学习教育", "一、中央八项规定及其实施细则\n二、违反中央八项规定精神典型问题通报\n三、学习教育应知应会"),
            new IssueSample(LocalDate.of(2025, 6, 20), "党纪学习教育常态化", "一、《中国共产党纪律处分条例》重点条款释义\n二、警示教育案例选编"),
            new IssueSample(LocalDate.of(2025, 7, 30), "纪念中国人民抗日战争胜利80周年", "一、习近平总书记有关重要论述\n二、伟大抗战精神的时代内涵"),
            new IssueSample(
                    LocalDate.of(2025, 9, 26), "推进生态环境治理体系和治理能力现代化", "一、生态环境法典编纂情况介绍\n二、生态环境分区管控政策解读\n三、基层治理经验交流"),
            new IssueSample(
                    LocalDate.of(2025, 11, 5),
                    "学习贯彻党的二十届四中全会精神",
                    "一、全会公报全文\n二、《中共中央关于制定国民经济和社会发展第十五个五年规划的建议》学习辅导\n三、权威解读文章"),
            new IssueSample(LocalDate.of(2025, 12, 22), "年度学习总结与2026年学习安排", "一、2025年中心组学习情况回顾\n二、2026年学习计划（征求意见稿）"));

    private static final List<DocumentSample> DOCUMENTS = List.of(
            new DocumentSample("《习近平生态文明思想学习纲要》", "理论著作", "习近平生态文明思想,必读书目", "学习出版社、人民出版社", LocalDate.of(2022, 8, 1)),
            new DocumentSample("《习近平著作选读》第一卷导读", "理论著作", "党的创新理论,必读书目", "人民出版社", LocalDate.of(2023, 4, 1)),
            new DocumentSample("中国共产党纪律处分条例", "党内法规", "党纪学习教育,党内法规", "中共中央", LocalDate.of(2023, 12, 8)),
            new DocumentSample("中国共产党党委（党组）理论学习中心组学习规则", "党内法规", "中心组学习,制度规定", "中共中央", LocalDate.of(2024, 2, 1)),
            new DocumentSample("中共中央 国务院关于全面推进美丽中国建设的意见", "政策文件", "美丽中国,生态文明", "中共中央、国务院", LocalDate.of(2023, 12, 27)),
            new DocumentSample("中华人民共和国环境保护法", "法律法规", "生态环境法治", "全国人民代表大会常务委员会", LocalDate.of(2014, 4, 24)),
            new DocumentSample("党的二十届四中全会公报", "会议精神", "四中全会,十五五规划", "新华社", LocalDate.of(2025, 10, 23)),
            new DocumentSample("2025年政府工作报告", "会议精神", "全国两会", "新华社", LocalDate.of(2025, 3, 5)),
            new DocumentSample(
                    "深入贯彻中央八项规定精神学习教育应知应会", "学习辅导", "作风建设,八项规定", "中央党的建设工作领导小组办公室", LocalDate.of(2025, 4, 2)),
            new DocumentSample("生态环境系统警示教育案例选编", "警示教育", "党纪学习教育,警示教育", "X局机关纪委", LocalDate.of(2025, 5, 15)));

    private final MaterialIssueRepository issues;
    private final LibraryRepository documents;
    private final FileStore files;
    private final OrgApi orgs;

    MaterialDemoData(MaterialIssueRepository issues, LibraryRepository documents, FileStore files, OrgApi orgs) {
        this.issues = issues;
        this.documents = documents;
        this.files = files;
        this.orgs = orgs;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        OrgRef bureau = orgs.findUnchecked("XJ").orElse(null);
        if (bureau == null) {
            return;
        }
        if (issues.countByOrgId(bureau.id()) == 0) {
            issues(bureau);
        }
        if (documents.countByOrgId(bureau.id()) == 0) {
            library(bureau);
        }
    }

    private void issues(OrgRef bureau) {
        for (int n = 1; n <= ISSUES.size(); n++) {
            IssueSample s = ISSUES.get(n - 1);
            MaterialIssue issue = new MaterialIssue(bureau.id(), n, s.title(), s.date(), s.contents());
            if (n % 2 == 1) {
                issue.attach(text(
                        "专题学习资料第" + n + "期.txt", "专题学习资料（第" + n + "期）\n" + s.title() + "\n\n" + s.contents() + "\n"));
            }
            // the last issue stays a draft: it is not counted and members do not see it yet
            if (n < ISSUES.size()) {
                issue.publish();
            }
            issues.save(issue);
        }
    }

    private void library(OrgRef bureau) {
        for (DocumentSample s : DOCUMENTS) {
            long file = text(
                    s.title().replaceAll("[《》]", "") + ".txt",
                    s.title() + "\n来源：" + s.source() + "\n发布日期：" + s.date() + "\n\n（演示文档，正文略）\n");
            LibraryDocument document = new LibraryDocument(bureau.id(), file);
            document.describe(s.title(), s.category(), s.tags(), s.source(), s.date());
            documents.save(document);
        }
    }

    private long text(String name, String content) {
        return files.store(name, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), FileKind.DOCUMENTS)
                .id();
    }
}
