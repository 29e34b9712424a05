package cn.studyledger.selfstudy.domain;

import java.time.LocalDate;

/** A book read (原著研读) as pages and the API show it; {@code finishedOn} is null while still being read. */
public record BookView(
        long id,
        long personId,
        String personName,
        int year,
        String title,
        String author,
        LocalDate startedOn,
        LocalDate finishedOn,
        String note,
        long version) {

    public BookCommand toCommand() {
        return new BookCommand(personId, title, author, startedOn, finishedOn, note);
    }

    /** Whether the book has been read to the end. */
    public boolean finished() {
        return finishedOn != null;
    }
}
