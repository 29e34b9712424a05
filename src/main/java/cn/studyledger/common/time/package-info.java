/** The office's time zone and date format; the current time itself comes from the {@code Clock} bean. */
package cn.studyledger.common.time;
