package cn.studyledger.selfstudy.domain;

import cn.studyledger.common.files.FileKind;
import cn.studyledger.common.files.FileStore;
import cn.studyledger.org.GroupMember;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import javax.imageio.ImageIO;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo 原著研读 and 学习笔记 of X局's group in 2025: two or three books for each member, finished through the year,
 * except the second-to-last member, who finished one and is still reading another (so the rule books.perMember finds
 * one member short); and a photo of handwritten notes on the first self-study entry of every other member.
 */
@Component
@Profile("demo")
@Order(36)
class BookDemoData implements ApplicationRunner {

    private record Title(String title, String author) {}

    private static final List<Title> TITLES = List.of(
            new Title("共产党宣言", "马克思、恩格斯"),
            new Title("习近平著作选读（第一卷）", "习近平"),
            new Title("习近平著作选读（第二卷）", "习近平"),
            new Title("论中国共产党历史", "习近平"),
            new Title("毛泽东选集（第一卷）", "毛泽东"),
            new Title("习近平谈治国理政（第五卷）", "习近平"),
            new Title("习近平生态文明思想学习纲要", "中共中央宣传部、中华人民共和国生态环境部"),
            new Title("邓小平文选（第三卷）", "邓小平"),
            new Title("实践论 矛盾论", "毛泽东"));

    private final BookRepository books;
    private final SelfStudyRepository entries;
    private final StudyNoteRepository notes;
    private final FileStore files;
    private final OrgApi orgs;

    BookDemoData(
            BookRepository books,
            SelfStudyRepository entries,
            StudyNoteRepository notes,
            FileStore files,
            OrgApi orgs) {
        this.books = books;
        this.entries = entries;
        this.notes = notes;
        this.files = files;
        this.orgs = orgs;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        OrgRef bureau = orgs.findUnchecked("XJ").orElse(null);
        if (bureau == null || books.countByOrgId(bureau.id()) > 0) {
            return;
        }
        List<GroupMember> members = orgs.members(bureau.id(), 2025);
        for (int m = 0; m < members.size(); m++) {
            long person = members.get(m).personId();
            boolean short_ = m == members.size() - 2;
            int count = short_ ? 2 : 2 + m % 2;
            for (int k = 0; k < count; k++) {
                Title t = TITLES.get((m + k * 4) % TITLES.size());
                LocalDate started = LocalDate.of(2025, 1 + k * 4 + m % 3, 3 + m);
                // the short member is still reading the second book at the end of the year
                LocalDate finished =
                        short_ && k == 1 ? null : min(started.plusDays(40 + m * 3), LocalDate.of(2025, 12, 20));
                books.save(new Book(
                        bureau.id(),
                        person,
                        2025,
                        t.title(),
                        t.author(),
                        started,
                        finished,
                        k == 0 ? "原原本本读原著，边读边记，形成读书笔记" : null));
            }
        }
        List<SelfStudyEntry> year = entries.findForFigure(
                bureau.id(),
                LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31),
                members.stream().map(GroupMember::personId).toList());
        // the group's first entry (the one the security tests open) and the first entry of every other member
        for (int m = 0; m < members.size(); m += 2) {
            long person = members.get(m).personId();
            year.stream()
                    .filter(e -> e.personId() == person)
                    .findFirst()
                    .ifPresent(e -> notes.save(new StudyNote(
                            e.getId(),
                            files.store(
                                            "学习笔记-" + e.date() + ".png",
                                            new ByteArrayInputStream(notePhoto()),
                                            List.of(FileKind.PNG))
                                    .id())));
        }
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /** A small picture standing in for a photographed page of notes: ruled lines on paper. */
    private static byte[] notePhoto() {
        BufferedImage image = new BufferedImage(120, 160, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xFBF7EC));
        g.fillRect(0, 0, 120, 160);
        g.setColor(new Color(0x9DB4D3));
        for (int y = 20; y < 160; y += 14) {
            g.drawLine(8, y, 112, y);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
