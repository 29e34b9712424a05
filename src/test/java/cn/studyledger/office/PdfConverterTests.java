package cn.studyledger.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Without LibreOffice there is no PDF, and the user is told so; the font mapping ships with the application. */
class PdfConverterTests {

    @Test
    void missingLibreOfficeMeansNoPdfWithAClearMessage() {
        PdfConverter converter = new PdfConverter("/nonexistent/soffice");
        assertThat(converter.available()).isFalse();
        assertThatThrownBy(() -> converter.convert(new byte[] {1}))
                .isInstanceOf(PdfConverter.Unavailable.class)
                .hasMessage("未安装LibreOffice，暂不能生成PDF");
        assertThat(new PdfConverter("no-such-office-program").available()).isFalse();
        assertThat(new PdfConverter("").available()).isFalse();
    }

    @Test
    void fontMappingCoversEveryOfficialFontName() throws Exception {
        String conf;
        try (InputStream in = PdfConverter.class.getResourceAsStream("/report/fonts.conf")) {
            conf = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String font : new String[] {"方正小标宋简体", "仿宋_GB2312", "楷体_GB2312", "黑体", "宋体"}) {
            assertThat(conf).as(font).contains("<string>" + font + "</string>");
        }
        assertThat(conf)
                .contains("Noto Serif CJK SC")
                .contains("Noto Sans CJK SC")
                .contains("AR PL UKai CN");
    }
}
