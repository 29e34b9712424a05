package cn.studyledger.material.domain;

import cn.studyledger.common.demo.DemoTable;
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

    private static final List<IssueSample> ISSUES = DemoTable.read("material/issues.txt", IssueSample.class);

    private static final List<DocumentSample> DOCUMENTS = DemoTable.read("material/library.txt", DocumentSample.class);

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
