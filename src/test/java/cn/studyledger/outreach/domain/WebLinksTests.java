package cn.studyledger.outreach.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.studyledger.common.BusinessRuleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The link of a publicity item is a complete http(s) address, or nothing. */
class WebLinksTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://www.xj.example/llxx/202510/t20251031_0104.html",
                "http://mp.xj.example/s/lxgj-20251128",
                "HTTPS://WWW.XJ.EXAMPLE/",
                "https://www.xj.example:8443/a?b=c#d",
                "https://www.xj.example/学习/专栏.html"
            })
    void webAddressesAreAccepted(String link) {
        assertThat(WebLinks.isValid(link)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "javascript:alert(1)",
                "ftp://files.xj.example/a.pdf",
                "file:///etc/passwd",
                "www.xj.example/llxx",
                "/outreach/publicity/1",
                "https://",
                "https:///path-only",
                "https://user:secret@www.xj.example/",
                "https://www.xj.example/a b",
                "https://www.xj.example/\u0000",
                "mailto:clerk@xj.example"
            })
    void anythingElseIsRefused(String link) {
        assertThat(WebLinks.isValid(link)).isFalse();
        assertThatThrownBy(() -> WebLinks.normalize(link))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("链接应为以 http:// 或 https:// 开头的完整网址");
    }

    @Test
    void blankMeansNoLinkAndSurroundingSpacesAreDropped() {
        assertThat(WebLinks.normalize(null)).isNull();
        assertThat(WebLinks.normalize("   ")).isNull();
        assertThat(WebLinks.normalize("  https://www.xj.example/a  ")).isEqualTo("https://www.xj.example/a");
    }

    @Test
    void aLinkLongerThanTheColumnIsRefused() {
        assertThat(WebLinks.isValid("https://www.xj.example/" + "a".repeat(500)))
                .isFalse();
    }
}
