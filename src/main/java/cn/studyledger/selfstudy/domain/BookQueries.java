package cn.studyledger.selfstudy.domain;

import cn.studyledger.selfstudy.BookSummary;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads of books behind {@code SelfStudyApi}; no scope checks (the caller checked the organisation). */
@Component
@Transactional(readOnly = true)
public class BookQueries {

    private final BookRepository books;

    BookQueries(BookRepository books) {
        this.books = books;
    }

    public List<BookSummary> books(long orgId, int year) {
        return books.findByOrgAndYear(orgId, year).stream()
                .map(b ->
                        new BookSummary(b.getId(), b.personId(), b.title(), b.author(), b.startedOn(), b.finishedOn()))
                .toList();
    }
}
