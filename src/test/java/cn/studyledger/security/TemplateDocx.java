package cn.studyledger.security;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;

/** Report templates (.docx) with a tag placed in one story: the body, a header, a footnote or a text box. */
public final class TemplateDocx {

    private TemplateDocx() {}

    public static byte[] body(String text) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText(text);
            return bytes(doc);
        }
    }

    /** One tag written over two runs, as Word does after an edit in the middle of it. */
    public static byte[] splitOverRuns(String first, String second) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            XWPFParagraph p = doc.createParagraph();
            p.createRun().setText(first);
            p.createRun().setText(second);
            return bytes(doc);
        }
    }

    public static byte[] header(String bodyText, String headerText) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText(bodyText);
            doc.createHeader(HeaderFooterType.DEFAULT)
                    .createParagraph()
                    .createRun()
                    .setText(headerText);
            return bytes(doc);
        }
    }

    public static byte[] footnote(String bodyText, String footnoteText) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            XWPFParagraph p = doc.createParagraph();
            p.createRun().setText(bodyText);
            var note = doc.createFootnote();
            note.createParagraph().createRun().setText(footnoteText);
            p.addFootnoteReference(note);
            return bytes(doc);
        }
    }

    /**
     * A Word 2010 text box (mc:AlternateContent with a wps:txbx, and its VML fallback v:textbox) holding the text,
     * after a body paragraph with {@code bodyText}.
     */
    public static byte[] textBox(String bodyText, String boxText) throws IOException {
        byte[] plain = body(bodyText + "TEXTBOX_HERE");
        String box = "</w:t></w:r><w:r><mc:AlternateContent"
                + " xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\""
                + " xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\""
                + " xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\""
                + " xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\""
                + " xmlns:v=\"urn:schemas-microsoft-com:vml\"><mc:Choice Requires=\"wps\"><w:drawing><wp:inline>"
                + "<wp:extent cx=\"914400\" cy=\"457200\"/><wp:docPr id=\"1\" name=\"文本框 1\"/><a:graphic>"
                + "<a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\"><wps:wsp>"
                + "<wps:txbx><w:txbxContent><w:p><w:r><w:t>" + boxText + "</w:t></w:r></w:p></w:txbxContent>"
                + "</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing>"
                + "</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>" + boxText
                + "</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
                + "</mc:AlternateContent></w:r><w:r><w:t>";
        return replaceInPart(plain, "word/document.xml", "TEXTBOX_HERE", box);
    }

    private static byte[] replaceInPart(byte[] docx, String part, String marker, String replacement)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals(part)) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    if (!xml.contains(marker)) {
                        throw new IllegalStateException("no " + marker + " in " + part);
                    }
                    content = xml.replace(marker, replacement).getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] bytes(XWPFDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.write(out);
        return out.toByteArray();
    }
}
