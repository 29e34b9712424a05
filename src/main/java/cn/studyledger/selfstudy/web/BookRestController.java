package cn.studyledger.selfstudy.web;

import cn.studyledger.common.PageResult;
import cn.studyledger.common.web.PageQuery;
import cn.studyledger.selfstudy.domain.BookCommand;
import cn.studyledger.selfstudy.domain.BookService;
import cn.studyledger.selfstudy.domain.BookView;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Books read (原著研读) through the API: a year's list (own, or the group's), create, read, change, delete. */
@RestController
@RequestMapping("/api/v1")
class BookRestController {

    private final BookService books;

    BookRestController(BookService books) {
        this.books = books;
    }

    @GetMapping("/orgs/{orgCode}/books")
    PageResult<BookView> list(
            @PathVariable String orgCode,
            @RequestParam int year,
            @RequestParam(required = false) Long person,
            @RequestParam(required = false) String title,
            PageQuery paging) {
        return books.search(orgCode, year, person, title, paging.page(), paging.size());
    }

    @PostMapping("/orgs/{orgCode}/books")
    @ResponseStatus(HttpStatus.CREATED)
    BookView create(@PathVariable String orgCode, @RequestParam int year, @Valid @RequestBody BookCommand command) {
        return books.create(orgCode, year, command);
    }

    @GetMapping("/books/{id}")
    BookView get(@PathVariable long id) {
        return books.get(id);
    }

    @PutMapping("/books/{id}")
    BookView edit(@PathVariable long id, @RequestParam long version, @Valid @RequestBody BookCommand command) {
        return books.edit(id, version, command);
    }

    @DeleteMapping("/books/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id, @RequestParam long version) {
        books.delete(id, version);
    }
}
