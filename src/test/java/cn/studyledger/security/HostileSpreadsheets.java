package cn.studyledger.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Hostile .xlsx files written on the fly (nothing binary is committed): a sheet of the right header followed by
 * millions of tiny rows, which deflate shrinks a thousandfold, or a sheet padded with whitespace.
 */
public final class HostileSpreadsheets {

    private HostileSpreadsheets() {}

    /** The header row, then {@code rows} rows of one tiny cell each (20 million give a file of about 2.8 MB). */
    public static byte[] manyRows(List<String> header, long rows) {
        return xlsx(header, out -> {
            byte[] row = "<row><c t=\"inlineStr\"><is><t>甲</t></is></c></row>".getBytes(StandardCharsets.UTF_8);
            for (long i = 0; i < rows; i++) {
                out.write(row);
            }
        });
    }

    /** The header row, then {@code bytes} bytes of whitespace between the rows (a decompression bomb). */
    public static byte[] padded(List<String> header, long bytes) {
        return xlsx(header, out -> {
            byte[] blank = new byte[64 * 1024];
            java.util.Arrays.fill(blank, (byte) ' ');
            for (long written = 0; written < bytes; written += blank.length) {
                out.write(blank);
            }
        });
    }

    interface Body {
        void write(OutputStream out) throws IOException;
    }

    private static byte[] xlsx(List<String> header, Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(9);
            entry(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                    <Default Extension="xml" ContentType="application/xml"/>\
                    <Override PartName="/xl/workbook.xml" \
                    ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                    <Override PartName="/xl/worksheets/sheet1.xml" \
                    ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            entry(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Target="xl/workbook.xml" \
                    Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>\
                    </Relationships>""");
            entry(zip, "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
                    <sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            entry(zip, "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Target="worksheets/sheet1.xml" \
                    Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/>\
                    </Relationships>""");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            StringBuilder head = new StringBuilder(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/"
                            + "spreadsheetml/2006/main\"><sheetData><row>");
            for (String name : header) {
                head.append("<c t=\"inlineStr\"><is><t>").append(name).append("</t></is></c>");
            }
            head.append("</row>");
            zip.write(head.toString().getBytes(StandardCharsets.UTF_8));
            body.write(zip);
            zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
