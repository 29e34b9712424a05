package cn.studyledger.common.time;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The office's time: its zone, Asia/Shanghai, and how documents write a date (2025年12月31日). What time it is comes
 * from the {@link java.time.Clock} bean in this zone (config.ClockConfig), injected wherever "now" or "today" is
 * needed, so that a test can set the date; no code asks the system clock itself ({@code ArchitectureTests}).
 */
public final class OfficeTime {

    /** The zone as text, for annotations ({@code @Scheduled(zone = …)}). */
    public static final String ZONE_ID = "Asia/Shanghai";

    public static final ZoneId ZONE = ZoneId.of(ZONE_ID);

    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private OfficeTime() {}

    /** A date as documents write it: 2025年1月6日 (no leading zeros). */
    public static String chineseDate(LocalDate date) {
        return date.format(CHINESE_DATE);
    }
}
