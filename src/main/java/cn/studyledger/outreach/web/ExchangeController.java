package cn.studyledger.outreach.web;

import cn.studyledger.common.NotFoundException;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.web.Flash;
import cn.studyledger.common.web.FormPage;
import cn.studyledger.common.web.FormPost;
import cn.studyledger.common.web.WorkContext;
import cn.studyledger.outreach.ExchangeRole;
import cn.studyledger.outreach.domain.ExchangeMeetingCommand;
import cn.studyledger.outreach.domain.ExchangeMeetingView;
import cn.studyledger.outreach.domain.ExchangeService;
import jakarta.validation.Valid;
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

/** Pages of 经验交流会: the year's exchange sessions and external meetings, and the external meetings' forms. */
@Controller
class ExchangeController {

    private static final String WRITE = "hasAuthority('" + Permissions.OUTREACH_EDIT + "')";

    private final ExchangeService exchanges;
    private final WorkContext context;

    ExchangeController(ExchangeService exchanges, WorkContext context) {
        this.exchanges = exchanges;
        this.context = context;
    }

    @GetMapping("/outreach/exchanges")
    String list(Model model) {
        model.addAttribute("overview", exchanges.overview(context.requireOrgCode(), context.year()));
        model.addAttribute("edits", exchanges.edits(context.orgCode()));
        return "outreach/exchanges";
    }

    @GetMapping("/outreach/exchanges/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("meeting", exchanges.get(id));
        model.addAttribute("edits", exchanges.mayEdit(id));
        return "outreach/exchange";
    }

    @GetMapping("/outreach/exchanges/new")
    @PreAuthorize(WRITE)
    String newForm(Model model) {
        return form(
                model,
                new ExchangeMeetingCommand("", LocalDate.of(context.year(), 1, 1), "", ExchangeRole.ATTENDED, 1, ""),
                null,
                0);
    }

    @PostMapping("/outreach/exchanges")
    @PreAuthorize(WRITE)
    String create(
            @Valid @ModelAttribute("command") ExchangeMeetingCommand command, BindingResult binding, FormPost post) {
        return post.refused(model -> form(model, command, null, 0)).answer(() -> {
            ExchangeMeetingView created = exchanges.create(context.orgCode(), command);
            return post.done("outreach.flash.exchangeCreated", "/outreach/exchanges/" + created.id(), created.title());
        });
    }

    @GetMapping("/outreach/exchanges/{id}/edit")
    @PreAuthorize(WRITE)
    String editForm(@PathVariable long id, Model model) {
        ExchangeMeetingView meeting = exchanges.get(id);
        if (!exchanges.mayEdit(id)) {
            throw NotFoundException.of("经验交流会");
        }
        return form(model, meeting.toCommand(), id, meeting.version());
    }

    @PostMapping("/outreach/exchanges/{id}")
    @PreAuthorize(WRITE)
    String edit(
            @PathVariable long id,
            @RequestParam long version,
            @Valid @ModelAttribute("command") ExchangeMeetingCommand command,
            BindingResult binding,
            FormPost post) {
        return post.refused(model -> form(model, command, id, version))
                .run(() -> exchanges.edit(id, version, command), "common.saved", "/outreach/exchanges/" + id);
    }

    @PostMapping("/outreach/exchanges/{id}/delete")
    @PreAuthorize(WRITE)
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        exchanges.delete(id);
        return Flash.done(redirect, "common.deleted", "/outreach/exchanges");
    }

    private String form(Model model, ExchangeMeetingCommand command, Long id, long version) {
        context.requireOrgCode();
        FormPage.fill(model, command, "meetingId", id, version);
        model.addAttribute("roles", ExchangeRole.values());
        return "outreach/exchange-form";
    }
}
