package cn.studyledger.selfstudy.web;

import cn.studyledger.common.NotFoundException;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.web.Flash;
import cn.studyledger.common.web.FormPage;
import cn.studyledger.common.web.FormPost;
import cn.studyledger.common.web.HtmxFragment;
import cn.studyledger.common.web.WorkContext;
import cn.studyledger.selfstudy.domain.BookCommand;
import cn.studyledger.selfstudy.domain.BookService;
import cn.studyledger.selfstudy.domain.BookView;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 原著研读 pages: the year's list with a title search, the form to add or change a book, delete. */
@Controller
class BookController {

    private static final String WRITE = "hasAuthority('" + Permissions.SELFSTUDY_OWN + "')";

    private final BookService books;
    private final WorkContext context;
    private final Clock clock;

    BookController(BookService books, WorkContext context, Clock clock) {
        this.books = books;
        this.context = context;
        this.clock = clock;
    }

    @HtmxFragment("results")
    @GetMapping("/books")
    String list(
            @RequestParam(required = false) Long person,
            @RequestParam(required = false) String title,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        String org = context.requireOrgCode();
        int year = context.year();
        model.addAttribute("result", books.search(org, year, person, title, page, 20));
        model.addAttribute("seesAll", books.seesAll(org));
        model.addAttribute("group", books.group(org, year));
        model.addAttribute("readers", books.readers(org, year));
        model.addAttribute("person", person);
        model.addAttribute("titleQuery", title);
        return "selfstudy/books";
    }

    @GetMapping("/books/new")
    @PreAuthorize(WRITE)
    String newForm(Model model) {
        LocalDate today = LocalDate.now(clock);
        LocalDate start = today.getYear() == context.year() ? today : LocalDate.of(context.year(), 1, 1);
        if (start.isAfter(today)) {
            start = today;
        }
        return form(model, new BookCommand(null, "", "", start, null, ""), null, 0);
    }

    @PostMapping("/books")
    @PreAuthorize(WRITE)
    String create(@Valid @ModelAttribute("command") BookCommand command, BindingResult binding, FormPost post) {
        return post.refused(model -> form(model, command, null, 0))
                .run(
                        () -> books.create(context.orgCode(), context.year(), command),
                        "selfstudy.flash.bookCreated",
                        "/books",
                        command.title());
    }

    @GetMapping("/books/{id}/edit")
    @PreAuthorize(WRITE)
    String editForm(@PathVariable long id, Model model) {
        BookView book = books.get(id);
        if (!books.mayEdit(book)) {
            throw NotFoundException.of("原著研读");
        }
        return form(model, book.toCommand(), id, book.version());
    }

    @PostMapping("/books/{id}")
    @PreAuthorize(WRITE)
    String edit(
            @PathVariable long id,
            @RequestParam long version,
            @Valid @ModelAttribute("command") BookCommand command,
            BindingResult binding,
            FormPost post) {
        return post.refused(model -> form(model, command, id, version))
                .run(() -> books.edit(id, version, command), "common.saved", "/books");
    }

    @PostMapping("/books/{id}/delete")
    @PreAuthorize(WRITE)
    String delete(@PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
        books.delete(id, version);
        return Flash.done(redirect, "common.deleted", "/books");
    }

    private String form(Model model, BookCommand command, Long id, long version) {
        FormPage.fill(model, command, "bookId", id, version);
        model.addAttribute("readers", books.readers(context.requireOrgCode(), context.year()));
        return "selfstudy/book-form";
    }
}
