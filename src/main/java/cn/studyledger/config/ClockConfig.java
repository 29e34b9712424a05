package cn.studyledger.config;

import cn.studyledger.common.time.OfficeTime;
import java.time.Clock;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock of the office ({@link OfficeTime#ZONE}, Asia/Shanghai): every "now" and "today" of the application reads
 * it, Bean Validation's {@code @PastOrPresent} too. Tests replace it to stand on a chosen date or inside a session's
 * check-in window.
 */
@Configuration
class ClockConfig {

    @Bean
    Clock clock() {
        return Clock.system(OfficeTime.ZONE);
    }

    @Bean
    ValidationConfigurationCustomizer validationClock(Clock clock) {
        return configuration -> configuration.clockProvider(() -> clock);
    }
}
