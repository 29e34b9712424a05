package cn.studyledger.report;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One record behind a figure.
 *
 * @param type kind of record, e.g. 集中学习
 * @param id the record's id
 * @param date the record's date, may be null
 * @param title what the record is
 * @param detail a short detail (who, status), may be empty
 * @param amount the record's contribution to a sum figure (hours), null for counts
 * @param url page of the record
 */
public record Evidence(
        String type, long id, LocalDate date, String title, String detail, BigDecimal amount, String url) {}
