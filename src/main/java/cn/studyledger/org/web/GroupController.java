package cn.studyledger.org.web;

import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.web.Flash;
import cn.studyledger.common.web.WorkContext;
import cn.studyledger.org.GroupRole;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.org.domain.MembershipService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The central group of the working organisation and year: 组长, 副组长, 成员 and the 学习秘书. */
@Controller
class GroupController {

    private final MembershipService memberships;
    private final OrgApi orgs;
    private final WorkContext context;

    GroupController(MembershipService memberships, OrgApi orgs, WorkContext context) {
        this.memberships = memberships;
        this.orgs = orgs;
        this.context = context;
    }

    @GetMapping("/group")
    @PreAuthorize("hasAuthority('" + Permissions.PERSON_VIEW + "')")
    String group(Model model) {
        OrgRef org = orgs.requireReadable(context.requireOrgCode());
        model.addAttribute("members", orgs.group(org.id(), context.year()));
        model.addAttribute("candidates", orgs.activePeople(org.id()));
        model.addAttribute("roles", GroupRole.values());
        return "org/group";
    }

    @PostMapping("/group")
    String place(@RequestParam long personId, @RequestParam GroupRole role, RedirectAttributes redirect) {
        memberships.place(context.orgCode(), context.year(), personId, role);
        return Flash.done(redirect, "org.flash.place", "/group");
    }

    @PostMapping("/group/{personId}/remove")
    String remove(@PathVariable long personId, RedirectAttributes redirect) {
        memberships.remove(context.orgCode(), context.year(), personId);
        return Flash.done(redirect, "org.flash.remove", "/group");
    }
}
