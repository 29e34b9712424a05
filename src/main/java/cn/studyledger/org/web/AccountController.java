package cn.studyledger.org.web;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.security.Role;
import cn.studyledger.common.web.Flash;
import cn.studyledger.common.web.FormPost;
import cn.studyledger.org.domain.AccountCommand;
import cn.studyledger.org.domain.AccountService;
import cn.studyledger.org.domain.OrgService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Account administration, and every user's own password change. */
@Controller
class AccountController {

    private final AccountService accounts;
    private final OrgService orgs;

    AccountController(AccountService accounts, OrgService orgs) {
        this.accounts = accounts;
        this.orgs = orgs;
    }

    @GetMapping("/accounts")
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("result", accounts.search(q, page, 20));
        model.addAttribute("q", q);
        return "org/accounts";
    }

    @GetMapping("/accounts/new")
    @PreAuthorize("hasAuthority('" + Permissions.ACCOUNT_EDIT + "')")
    String newForm(Model model) {
        model.addAttribute("command", new AccountCommand("", null, null));
        return form(model);
    }

    @PostMapping("/accounts")
    @PreAuthorize("hasAuthority('" + Permissions.ACCOUNT_EDIT + "')")
    String create(@Valid @ModelAttribute("command") AccountCommand command, BindingResult binding, FormPost post) {
        return post.refused(model -> form(model))
                .run(() -> accounts.create(command), "org.flash.accountCreated", "/accounts", command.username());
    }

    @PostMapping("/accounts/{id}/unlock")
    String unlock(@PathVariable long id, RedirectAttributes redirect) {
        accounts.unlock(id);
        return Flash.done(redirect, "org.flash.unlock", "/accounts");
    }

    @PostMapping("/accounts/{id}/enabled")
    String enabled(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        accounts.setEnabled(id, enabled);
        return Flash.done(redirect, enabled ? "org.flash.accountEnabled" : "org.flash.accountDisabled", "/accounts");
    }

    /** Shows the new code once, on this answer only (not stored in the session, not in a redirect). */
    @PostMapping("/accounts/{id}/code")
    @PreAuthorize("hasAuthority('" + Permissions.ACCOUNT_CODE + "')")
    String issueCode(@PathVariable long id, Model model) {
        model.addAttribute("issued", accounts.issueCode(id));
        return "org/account-code";
    }

    @GetMapping("/accounts/{id}/roles")
    @PreAuthorize("hasAuthority('" + Permissions.ACCOUNT_GRANT + "')")
    String roles(@PathVariable long id, Model model) {
        model.addAttribute("accountId", id);
        model.addAttribute("grants", accounts.grants(id));
        model.addAttribute("roles", Role.values());
        model.addAttribute("orgChoices", accounts.grantableOrgs());
        return "org/account-roles";
    }

    @PostMapping("/accounts/{id}/roles")
    @PreAuthorize("hasAuthority('" + Permissions.ACCOUNT_GRANT + "')")
    String grant(
            @PathVariable long id, @RequestParam Role role, @RequestParam String orgCode, RedirectAttributes redirect) {
        accounts.grant(id, role, orgCode);
        return Flash.done(redirect, "org.flash.grant", "/accounts/" + id + "/roles");
    }

    @PostMapping("/accounts/{id}/roles/revoke")
    @PreAuthorize("hasAuthority('" + Permissions.ACCOUNT_GRANT + "')")
    String revoke(
            @PathVariable long id, @RequestParam Role role, @RequestParam String orgCode, RedirectAttributes redirect) {
        accounts.revoke(id, role, orgCode);
        return Flash.done(redirect, "org.flash.revoke", "/accounts/" + id + "/roles");
    }

    @GetMapping("/account/password")
    String passwordForm() {
        return "account/password";
    }

    @PostMapping("/account/password")
    String changePassword(
            @RequestParam String currentPassword,
            @RequestParam String newPassword,
            @RequestParam String confirmPassword,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (!newPassword.equals(confirmPassword)) {
            model.addAttribute("error", "两次输入的新密码不一致");
            return "account/password";
        }
        try {
            accounts.changeOwnPassword(currentPassword, newPassword);
        } catch (BusinessRuleException e) {
            model.addAttribute("error", e.getMessage());
            return "account/password";
        }
        new SecurityContextLogoutHandler()
                .logout(request, response, SecurityContextHolder.getContext().getAuthentication());
        return "redirect:/login?changed";
    }

    private String form(Model model) {
        model.addAttribute("orgChoices", orgs.tree());
        return "org/account-form";
    }
}
