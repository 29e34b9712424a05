package cn.studyledger.report.domain;

import cn.studyledger.common.BusinessRuleException;
import com.deepoove.poi.XWPFTemplate;
import com.deepoove.poi.config.Configure;
import com.deepoove.poi.template.ElementTemplate;
import com.deepoove.poi.template.MetaTemplate;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.springframework.stereotype.Component;

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

    /** Any {{…}} in the text, to catch tags poi-tl itself would not take for tags. */
    private static final Pattern ANY_TAG = Pattern.compile("\\{\\{([^{}]*)}}");

    private static final String TAG_REGEX = "[\\w\\u4e00-\\u9fa5]+(\\.[\\w\\u4e00-\\u9fa5]+)*(\\|[\\u4e00-\\u9fa5]+)?";

    /** The tags of a valid template; refuses one that is not a readable .docx or has unknown tags. */
    List<String> validate(byte[] docx, Set<String> knownKeys) {
        Set<String> tags = new LinkedHashSet<>();
        Set<String> unknown = new LinkedHashSet<>();
        String text;
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            text = extractor.getText();
        } catch (IOException | RuntimeException e) {
            throw new BusinessRuleException("模板不是有效的 Word（.docx）文件，未保存");
        }
        Matcher m = ANY_TAG.matcher(text);
        while (m.find()) {
            tags.add(m.group(1).trim());
        }
        try (XWPFTemplate template = XWPFTemplate.compile(new ByteArrayInputStream(docx), config(Map.of()))) {
            for (MetaTemplate meta : template.getElementTemplates()) {
                if (meta instanceof ElementTemplate) {
                    tags.add(((ElementTemplate) meta).getTagName());
                } else {
                    unknown.add(meta.variable());
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new BusinessRuleException("模板中的标签无法解析（" + e.getMessage() + "），未保存");
        }
        for (String tag : tags) {
            if (!known(tag, knownKeys)) {
                unknown.add("{{" + tag + "}}");
            }
        }
        if (!unknown.isEmpty()) {
            throw new BusinessRuleException("模板中有无法识别的标签：" + String.join("、", unknown) + "，未保存。可用的标签为指标代码（如"
                    + "{{sessions.collective}}）、{{year}}、{{org.issuer}}、{{problems}}、{{nextSteps}}");
        }
        if (tags.isEmpty()) {
            throw new BusinessRuleException("模板中没有任何标签（如{{sessions.collective}}），未保存");
        }
        return new ArrayList<>(tags);
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

    /** Tags are looked up as whole names (dots are part of a figure key, not property paths). */
    private static Configure config(Map<String, FigureValue> values) {
        return Configure.builder()
                .buildGrammerRegex(TAG_REGEX)
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
    }
}
