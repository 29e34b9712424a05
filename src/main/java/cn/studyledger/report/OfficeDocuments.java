package cn.studyledger.report;

import cn.studyledger.report.domain.DocxWriter;
import cn.studyledger.report.domain.XlsxWriter;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Word and Excel output for the other modules: a .docx in the official layout from {@link ReportBlock}s, and an
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

    public byte[] docx(List<ReportBlock> blocks) {
        return docx.write(blocks);
    }

    public byte[] xlsx(List<SheetData> sheets) {
        return xlsx.write(sheets);
    }
}
