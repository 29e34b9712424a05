package cn.studyledger.report.domain;

import cn.studyledger.common.BusinessRuleException;
import com.deepoove.poi.XWPFTemplate;
import com.deepoove.poi.config.Configure;
import com.deepoove.poi.config.GramerSymbol;
import com.deepoove.poi.policy.RenderPolicy;
import com.deepoove.poi.template.ChartTemplate;
import com.deepoove.poi.template.ElementTemplate;
import com.deepoove.poi.template.MetaTemplate;
import com.deepoove.poi.template.PictImageTemplate;
import com.deepoove.poi.template.PictureTemplate;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Users' own .docx templates with poi-tl tags: {@code {{sessions.collective}}} and every other figure key (also
 * with a token variant, {@code {{selfstudy.hours|超过}}}), {@code {{year}}}, {@code {{org.issuer}}}, and the
 * sections written in the editor, {@code {{problems}}} (三、存在的问题与不足) and {@code {{nextSteps}}}
 * (四、下一步工作打算). Validation lists every tag it does not know; rendering fills figures and writes 【待补充】
 * for a figure without data.
 */
@Component
class UserTemplates {

    static final String PROBLEMS = "problems";
    static final String NEXT_STEPS = "nextSteps";

    /** Any {{…}} in a story's text or an attribute, to catch tags poi-tl itself would not take for tags. */
    private static final Pattern ANY_TAG = Pattern.compile("\\{\\{([^{}]*)}}");

    /** An attribute value holding a tag: the alt text of a picture or chart, which poi-tl would fill with an image. */
    private static final Pattern TAG_IN_ATTRIBUTE = Pattern.compile("=\"[^\"<>]*\\{\\{([^{}\"]*)}}[^\"<>]*\"");

    /** The prefixes poi-tl gives a meaning (picture, table, list, nested document, sections, expressions). */
    static final String ENGINE_PREFIXES = "@#*+?/=>^~%!$";

    private static final String TAG_REGEX = "[\\w\\u4e00-\\u9fa5]+(\\.[\\w\\u4e00-\\u9fa5]+)*(\\|[\\u4e00-\\u9fa5]+)?";

    private final long maxExpandedBytes;

    UserTemplates(@Value("${ledger.imports.max-expanded-size:50MB}") DataSize maxExpanded) {
        this.maxExpandedBytes = maxExpanded.toBytes();
    }

    /**
     * The tags of a valid template; refuses one that is not a readable .docx, has a tag that is not
     * {@code {{key}}} or {@code {{key|variant}}} of a known key and variant in any of its stories (body, headers,
     * footers, text boxes, VML shapes, footnotes, endnotes, comments: every XML part under word/), or cannot be
     * rendered.
     */
    List<String> validate(byte[] docx, Set<String> knownKeys) {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            doc.getParagraphs();
        } catch (IOException | RuntimeException e) {
            throw new BusinessRuleException("模板不是有效的 Word（.docx）文件，未保存");
        }
        Set<String> tags = new LinkedHashSet<>();
        Set<String> refused = new LinkedHashSet<>();
        for (String xml : wordParts(docx)) {
            Matcher inAttribute = TAG_IN_ATTRIBUTE.matcher(xml);
            while (inAttribute.find()) {
                refused.add(shown(inAttribute.group(1)) + "（写在图片、图表等对象的属性中）");
            }
            // a tag may be split over several runs (<w:r>…{{</w:r><w:r>key}}</w:r>): the text without the markup
            Matcher m = ANY_TAG.matcher(unescape(xml.replaceAll("<[^>]*>", "")));
            while (m.find()) {
                String tag = m.group(1).trim();
                if (!tag.isEmpty() && ENGINE_PREFIXES.indexOf(tag.charAt(0)) >= 0) {
                    refused.add(shown(tag) + "（不能使用模板引擎前缀“" + tag.charAt(0) + "”）");
                } else if (known(tag, knownKeys)) {
                    tags.add(tag);
                } else {
                    refused.add(shown(tag));
                }
            }
        }
        if (refused.isEmpty()) {
            try (XWPFTemplate template = XWPFTemplate.compile(new ByteArrayInputStream(docx), config(Map.of()))) {
                for (MetaTemplate meta : template.getElementTemplates()) {
                    if (!(meta instanceof ElementTemplate element)
                            || !known(element.getTagName(), knownKeys)
                            || (element.getSign() != null && ENGINE_PREFIXES.indexOf(element.getSign()) >= 0)) {
                        refused.add(meta.variable());
                    }
                }
            } catch (IOException | RuntimeException e) {
                throw new BusinessRuleException("模板中的标签无法解析（" + e.getMessage() + "），未保存");
            }
        }
        if (!refused.isEmpty()) {
            throw new BusinessRuleException(
                    "模板中有无法识别的标签：" + String.join("、", refused) + "，未保存。可用的标签为指标代码（如"
                            + "{{sessions.collective}}、{{selfstudy.hours|超过}}）、{{year}}、{{org.issuer}}、{{problems}}、{{nextSteps}}");
        }
        if (tags.isEmpty()) {
            throw new BusinessRuleException("模板中没有任何标签（如{{sessions.collective}}），未保存");
        }
        try {
            // a template that cannot be filled is refused now, not when the report is downloaded
            render(new ByteArrayInputStream(docx), Map.of(), "（存在的问题）", "（下一步工作打算）");
        } catch (RuntimeException e) {
            throw new BusinessRuleException("模板无法生成报告（" + e.getMessage() + "），未保存");
        }
        return new ArrayList<>(tags);
    }

    /** The text of every XML part under word/ (all stories of the document), within the decompressed-size limit. */
    private List<String> wordParts(byte[] docx) {
        List<String> parts = new ArrayList<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            ZipEntry entry;
            byte[] buffer = new byte[64 * 1024];
            while ((entry = zip.getNextEntry()) != null) {
                if (!entry.getName().startsWith("word/") || !entry.getName().endsWith(".xml")) {
                    continue;
                }
                ByteArrayOutputStream part = new ByteArrayOutputStream();
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    total += n;
                    if (total > maxExpandedBytes) {
                        throw new BusinessRuleException(
                                "模板解压后超过 " + DataSize.ofBytes(maxExpandedBytes).toMegabytes() + " MB 上限，未保存");
                    }
                    part.write(buffer, 0, n);
                }
                parts.add(part.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new BusinessRuleException("模板不是有效的 Word（.docx）文件，未保存");
        }
        return parts;
    }

    private static String shown(String tag) {
        return "{{" + (tag.length() > 40 ? tag.substring(0, 40) + "…" : tag) + "}}";
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&");
    }

    private static boolean known(String tag, Set<String> knownKeys) {
        if (tag.equals(PROBLEMS) || tag.equals(NEXT_STEPS)) {
            return true;
        }
        int bar = tag.indexOf('|');
        String key = bar < 0 ? tag : tag.substring(0, bar);
        String variant = bar < 0 ? null : tag.substring(bar + 1);
        return knownKeys.contains(key) && (variant == null || Tokens.VARIANTS.contains(variant));
    }

    /** The template filled in: each tag with its token text (【待补充】 for missing data), the two sections' text. */
    byte[] render(InputStream template, Map<String, FigureValue> values, String problems, String nextSteps) {
        Map<String, String> data = new java.util.HashMap<>();
        data.put(PROBLEMS, problems);
        data.put(NEXT_STEPS, nextSteps);
        try (XWPFTemplate doc = XWPFTemplate.compile(template, config(values));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.render(data);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Tags are looked up as whole names in the figures (dots are part of a figure key, not property paths): no
     * expression language (neither SpEL nor poi-tl's own), and only the text policy, so no tag can become a
     * picture (fetched from a URL), table, list, chart or nested document, whatever the data holds.
     */
    private static Configure config(Map<String, FigureValue> values) {
        RenderPolicy refuse = (element, data, template) -> {
            throw new IllegalStateException("模板中的图片、图表不能带标签：" + element.getSource());
        };
        Configure configure = Configure.builder()
                .buildGrammerRegex(TAG_REGEX)
                .addPlugin(PictureTemplate.class, refuse)
                .addPlugin(PictImageTemplate.class, refuse)
                .addPlugin(ChartTemplate.class, refuse)
                .setRenderDataComputeFactory(model -> el -> {
                    Object root = model.getRoot();
                    if (root instanceof Map && ((Map<?, ?>) root).containsKey(el)) {
                        return ((Map<?, ?>) root).get(el);
                    }
                    int bar = el.indexOf('|');
                    String key = bar < 0 ? el : el.substring(0, bar);
                    return Tokens.resolve(values.get(key), bar < 0 ? null : el.substring(bar + 1));
                })
                .build();
        configure.getDefaultPolicys().keySet().retainAll(Set.of(GramerSymbol.TEXT.getSymbol()));
        configure.getChartPolicys().clear();
        return configure;
    }
}
