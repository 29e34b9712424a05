package cn.studyledger.office;

import java.io.OutputStream;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/**
 * Word and Excel output for the other modules: a .docx in the official layout from {@link DocumentBlock}s, and an
 * .xlsx from {@link SheetData}. Only this module touches Apache POI.
 */
@Service
public class OfficeDocuments {

    private final DocxWriter docx;
    private final XlsxWriter xlsx;

    OfficeDocuments(DocxWriter docx, XlsxWriter xlsx) {
        this.docx = docx;
        this.xlsx = xlsx;
    }

    public byte[] docx(List<DocumentBlock> blocks) {
        return docx.write(blocks);
    }

    public byte[] xlsx(List<SheetData> sheets) {
        return xlsx.write(sheets);
    }

    /** The 中心组成员名册 of a year as .xlsx: 序号, 姓名, 组内职务, 职务 — as filed upward and in the 年初报送 pack. */
    public byte[] memberList(List<cn.studyledger.org.GroupMember> group) {
        List<List<Object>> rows = new java.util.ArrayList<>();
        int n = 1;
        for (cn.studyledger.org.GroupMember m : group) {
            rows.add(java.util.Arrays.asList(n++, m.name(), m.role().label(), m.position()));
        }
        return xlsx(List.of(new SheetData("成员名册", List.of("序号", "姓名", "组内职务", "职务"), rows)));
    }

    /**
     * Streams a one-sheet .xlsx to {@code out} (left open) while {@code rows} pushes the rows: memory stays bounded
     * however many rows there are. Numbers become numeric cells; dates are written as yyyy-MM-dd, times as
     * yyyy-MM-dd HH:mm, booleans as 是/否.
     */
    public void xlsx(String sheetName, List<String> header, Consumer<Consumer<List<Object>>> rows, OutputStream out) {
        xlsx.write(sheetName, header, rows, out);
    }
}
