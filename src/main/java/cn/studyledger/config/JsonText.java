package cn.studyledger.config;

import cn.studyledger.common.InvalidInputException;
import cn.studyledger.common.validation.PlainText;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * The text check of {@link InputGuard} for JSON bodies: every string Jackson reads passes {@link PlainText}, so a
 * {@code "\u0000"} or a lone {@code "\ud800"} in any field of any body is refused with 400 instead of stored.
 */
class JsonText extends SimpleModule {

    JsonText() {
        super("plain-text");
        addDeserializer(String.class, new CheckedString());
    }

    private static final class CheckedString extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext context) {
            String value = super.deserialize(p, context);
            if (value != null && !PlainText.isClean(value)) {
                throw new InvalidInputException(PlainText.MESSAGE);
            }
            return value;
        }
    }
}
