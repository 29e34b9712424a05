package cn.studyledger.report.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.figure.FigureDefinition;
import cn.studyledger.security.TemplateDocx;
import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.Set;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * A user's report template may hold only {{key}} and {{key|variant}} of known keys, in every story of the .docx;
 * a template-engine prefix anywhere (a picture tag in a text box would make poi-tl fetch the section text as a URL)
 * is refused at upload with the tag named.
 */
class UserTemplateTagsTests {

    static final Set<String> KEYS = Set.of("sessions.collective", "selfstudy.hours");

    final UserTemplates templates = new UserTemplates(DataSize.ofMegabytes(50));

    @Test
    void pictureTagInATextBoxIsRefused() throws Exception {
        assertRefused(TemplateDocx.textBox("集体学习{{sessions.collective}}次", "{{@problems}}"), "{{@problems}}", "“@”");
    }

    @Test
    void nestedDocumentTagInAHeaderIsRefused() throws Exception {
        assertRefused(TemplateDocx.header("集体学习{{sessions.collective}}次", "{{+problems}}"), "{{+problems}}", "“+”");
    }

    @Test
    void pictureTagInAFootnoteIsRefused() throws Exception {
        assertRefused(
                TemplateDocx.footnote("集体学习{{sessions.collective}}次", "注：{{@nextSteps}}"), "{{@nextSteps}}", "“@”");
    }

    @Test
    void aTagSplitOverRunsIsStillSeen() throws Exception {
        assertRefused(TemplateDocx.splitOverRuns("{{sessions.collective}}{{?pro", "blems}}"), "{{?problems}}", "“?”");
    }

    @Test
    void everyEnginePrefixAndUnknownKeyOrVariantIsRefused() throws Exception {
        for (String tag :
                new String[] {"#problems", "*problems", "/problems", "=problems", "no.such", "selfstudy.hours|很多"}) {
            assertRefused(TemplateDocx.body("{{sessions.collective}}{{" + tag + "}}"), "{{" + tag + "}}", "未保存");
        }
    }

    @Test
    void theOddAndNearlyVariantsAreAcceptedAndPhraseTheFigure() throws Exception {
        byte[] docx = TemplateDocx.body("集体学习{{sessions.collective|余}}次，自学{{selfstudy.hours|近}}学时。");
        assertThat(templates.validate(docx, KEYS))
                .containsExactlyInAnyOrder("sessions.collective|余", "selfstudy.hours|近");

        Map<String, FigureValue> values = Map.of(
                "sessions.collective",
                ReportTokensTests.value("sessions.collective", FigureDefinition.Kind.COUNT, "14", null, null),
                "selfstudy.hours",
                ReportTokensTests.value("selfstudy.hours", FigureDefinition.Kind.SUM, "96", null, null));
        byte[] rendered = templates.render(new ByteArrayInputStream(docx), values, "", "");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(rendered));
                XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("集体学习10余次，自学近100学时。");
        }
    }

    @Test
    void aValidTemplateWithTagsInBodyHeaderAndTextBoxIsAcceptedAndRenders() throws Exception {
        byte[] docx = TemplateDocx.textBox("集体学习{{sessions.collective}}次，自学{{selfstudy.hours|超过}}。", "问题：{{problems}}");
        assertThat(templates.validate(docx, KEYS))
                .containsExactlyInAnyOrder("sessions.collective", "selfstudy.hours|超过", "problems");

        byte[] rendered = templates.render(new ByteArrayInputStream(docx), Map.of(), "学习不够深入\n联系实际不够", "继续学习");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(rendered));
                XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("集体学习" + Tokens.MISSING + "次").doesNotContain("{{");
        }
        byte[] header = TemplateDocx.header("{{sessions.collective}}", "{{nextSteps}}");
        assertThat(templates.validate(header, KEYS)).containsExactlyInAnyOrder("sessions.collective", "nextSteps");
    }

    @Test
    void theEngineTreatsNoTagAsAPictureEvenIfOneSlippedThrough() throws Exception {
        // rendered without validation: the section text is a URL, which the picture policy would have fetched
        byte[] docx = TemplateDocx.body("图：{{@problems}}，表：{{#problems}}，文：{{problems}}");
        byte[] rendered = templates.render(
                new ByteArrayInputStream(docx), Map.of(), "http://169.254.169.254/latest/meta-data", "");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(rendered));
                XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText())
                    .contains("图：{{@problems}}，表：{{#problems}}，文：http://169.254.169.254/latest/meta-data");
            assertThat(doc.getAllPictures()).isEmpty();
            assertThat(doc.getTables()).isEmpty();
        }
    }

    private void assertRefused(byte[] docx, String tag, String reason) {
        assertThatThrownBy(() -> templates.validate(docx, KEYS))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining(tag)
                .hasMessageContaining(reason)
                .hasMessageContaining("未保存");
    }
}
