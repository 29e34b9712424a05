package cn.studyledger.selfstudy.domain;

import cn.studyledger.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A book one member reads (原著研读) in a year of the ledger: title, author, when begun, when finished. */
@Entity
@Table(name = "selfstudy_book")
class Book extends BaseEntity {

    @Column(name = "org_id", nullable = false, updatable = false)
    private long orgId;

    @Column(name = "person_id", nullable = false, updatable = false)
    private long personId;

    @Column(name = "book_year", nullable = false, updatable = false)
    private int year;

    @Column(nullable = false)
    private String title;

    private String author;

    @Column(name = "started_on", nullable = false)
    private LocalDate startedOn;

    @Column(name = "finished_on")
    private LocalDate finishedOn;

    private String note;

    protected Book() {}

    Book(
            long orgId,
            long personId,
            int year,
            String title,
            String author,
            LocalDate startedOn,
            LocalDate finishedOn,
            String note) {
        this.orgId = orgId;
        this.personId = personId;
        this.year = year;
        edit(title, author, startedOn, finishedOn, note);
    }

    void edit(String title, String author, LocalDate startedOn, LocalDate finishedOn, String note) {
        this.title = title;
        this.author = author;
        this.startedOn = startedOn;
        this.finishedOn = finishedOn;
        this.note = note;
    }

    long orgId() {
        return orgId;
    }

    long personId() {
        return personId;
    }

    int year() {
        return year;
    }

    String title() {
        return title;
    }

    String author() {
        return author;
    }

    LocalDate startedOn() {
        return startedOn;
    }

    LocalDate finishedOn() {
        return finishedOn;
    }

    String note() {
        return note;
    }
}
