package cn.studyledger.figure;

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
 * @param amount the record's number: its contribution to a sum figure (hours), or what a median is taken of (days);
 *     null for counts
 * @param url page of the record, one every reader of the figure may open; null when there is none to open
 * @param personId the person the record is about (an attendance, a speech, an entry), null when it is about no one
 *     person; a figure's part for one member is the part of its records about them
 */
public record Evidence(
        String type,
        long id,
        LocalDate date,
        String title,
        String detail,
        BigDecimal amount,
        String url,
        Long personId) {

    /** A record about no one person in particular (a session, a unit, an item). */
    public Evidence(String type, long id, LocalDate date, String title, String detail, BigDecimal amount, String url) {
        this(type, id, date, title, detail, amount, url, null);
    }

    /** This record, as one about the person. */
    public Evidence about(long person) {
        return new Evidence(type, id, date, title, detail, amount, url, person);
    }

    /** Whether the record is about the person. */
    public boolean isAbout(long person) {
        return personId != null && personId == person;
    }
}
