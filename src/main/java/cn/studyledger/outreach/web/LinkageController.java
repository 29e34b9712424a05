package cn.studyledger.outreach.web;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.web.Flash;
import cn.studyledger.common.web.FormPage;
import cn.studyledger.common.web.FormPost;
import cn.studyledger.common.web.WorkContext;
import cn.studyledger.org.PersonRef;
import cn.studyledger.outreach.domain.BranchCommand;
import cn.studyledger.outreach.domain.BranchView;
import cn.studyledger.outreach.domain.JointSessionView;
import cn.studyledger.outreach.domain.LinkageService;
import cn.studyledger.outreach.domain.ParticipantsCommand;
import cn.studyledger.outreach.domain.YouthGroupCommand;
import cn.studyledger.outreach.domain.YouthGroupView;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;
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

/**
 * Pages of 联学联动: the youth theory groups and partner branches (the first tab of /outreach), their forms, and
 * the 联学共建 sessions of the year with the groups and branches that took part.
 */
@Controller
class LinkageController {

    private static final String WRITE = "hasAuthority('" + Permissions.OUTREACH_EDIT + "')";

    private final LinkageService linkage;
    private final WorkContext context;

    LinkageController(LinkageService linkage, WorkContext context) {
        this.linkage = linkage;
        this.context = context;
    }

    @GetMapping("/outreach")
    String groups(Model model) {
        model.addAttribute("groups", linkage.youthGroups(context.requireOrgCode()));
        model.addAttribute("branches", linkage.branches(context.orgCode()));
        model.addAttribute("edits", linkage.edits(context.orgCode()));
        return "outreach/groups";
    }

    // ---- youth groups

    @GetMapping("/outreach/groups/new")
    @PreAuthorize(WRITE)
    String newGroup(Model model) {
        return groupForm(model, new YouthGroupCommand("", null, List.of()), null, 0);
    }

    @PostMapping("/outreach/groups")
    @PreAuthorize(WRITE)
    String createGroup(
            @Valid @ModelAttribute("command") YouthGroupCommand command, BindingResult binding, FormPost post) {
        return post.refused(model -> groupForm(model, command, null, 0)).answer(() -> {
            YouthGroupView group = linkage.createGroup(context.orgCode(), command);
            return post.done("outreach.flash.createGroup", "/outreach", group.name());
        });
    }

    @GetMapping("/outreach/groups/{id}/edit")
    @PreAuthorize(WRITE)
    String editGroupForm(@PathVariable long id, Model model) {
        YouthGroupView group = linkage.youthGroup(id);
        return groupForm(model, group.toCommand(), id, group.version());
    }

    @PostMapping("/outreach/groups/{id}")
    @PreAuthorize(WRITE)
    String editGroup(
            @PathVariable long id,
            @RequestParam long version,
            @Valid @ModelAttribute("command") YouthGroupCommand command,
            BindingResult binding,
            FormPost post) {
        return post.refused(model -> groupForm(model, command, id, version))
                .run(() -> linkage.editGroup(id, version, command), "common.saved", "/outreach");
    }

    @PostMapping("/outreach/groups/{id}/dissolve")
    @PreAuthorize(WRITE)
    String dissolveGroup(@PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
        YouthGroupView group = linkage.dissolveGroup(id, version);
        return Flash.done(redirect, "outreach.flash.dissolveGroup", "/outreach", group.name());
    }

    @PostMapping("/outreach/groups/{id}/revive")
    @PreAuthorize(WRITE)
    String reviveGroup(@PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
        YouthGroupView group = linkage.reviveGroup(id, version);
        return Flash.done(redirect, "outreach.flash.reviveGroup", "/outreach", group.name());
    }

    @PostMapping("/outreach/groups/{id}/delete")
    @PreAuthorize(WRITE)
    String deleteGroup(@PathVariable long id, RedirectAttributes redirect) {
        linkage.deleteGroup(id);
        return Flash.done(redirect, "common.deleted", "/outreach");
    }

    private String groupForm(Model model, YouthGroupCommand command, Long id, long version) {
        FormPage.fill(model, command, "groupId", id, version);
        List<PersonRef> youth = new ArrayList<>(linkage.youthCadres(context.requireOrgCode()));
        if (id != null) {
            // members who have since left the youth cadres stay selectable in their own group
            linkage.youthGroup(id).members().stream()
                    .filter(m -> youth.stream().noneMatch(p -> p.id() == m.id()))
                    .forEach(youth::add);
        }
        model.addAttribute("youth", youth);
        return "outreach/group-form";
    }

    // ---- branches

    @GetMapping("/outreach/branches/new")
    @PreAuthorize(WRITE)
    String newBranch(Model model) {
        return branchForm(model, new BranchCommand("", ""), null, 0);
    }

    @PostMapping("/outreach/branches")
    @PreAuthorize(WRITE)
    String createBranch(@Valid @ModelAttribute("command") BranchCommand command, BindingResult binding, FormPost post) {
        return post.refused(model -> branchForm(model, command, null, 0)).answer(() -> {
            BranchView branch = linkage.createBranch(context.orgCode(), command);
            return post.done("outreach.flash.createBranch", "/outreach", branch.name());
        });
    }

    @GetMapping("/outreach/branches/{id}/edit")
    @PreAuthorize(WRITE)
    String editBranchForm(@PathVariable long id, Model model) {
        BranchView branch = linkage.branch(id);
        return branchForm(model, branch.toCommand(), id, branch.version());
    }

    @PostMapping("/outreach/branches/{id}")
    @PreAuthorize(WRITE)
    String editBranch(
            @PathVariable long id,
            @RequestParam long version,
            @Valid @ModelAttribute("command") BranchCommand command,
            BindingResult binding,
            FormPost post) {
        return post.refused(model -> branchForm(model, command, id, version))
                .run(() -> linkage.editBranch(id, version, command), "common.saved", "/outreach");
    }

    @PostMapping("/outreach/branches/{id}/retire")
    @PreAuthorize(WRITE)
    String retireBranch(@PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
        BranchView branch = linkage.retireBranch(id, version);
        return Flash.done(redirect, "outreach.flash.retireBranch", "/outreach", branch.name());
    }

    @PostMapping("/outreach/branches/{id}/revive")
    @PreAuthorize(WRITE)
    String reviveBranch(@PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
        BranchView branch = linkage.reviveBranch(id, version);
        return Flash.done(redirect, "outreach.flash.reviveBranch", "/outreach", branch.name());
    }

    @PostMapping("/outreach/branches/{id}/delete")
    @PreAuthorize(WRITE)
    String deleteBranch(@PathVariable long id, RedirectAttributes redirect) {
        linkage.deleteBranch(id);
        return Flash.done(redirect, "common.deleted", "/outreach");
    }

    private String branchForm(Model model, BranchCommand command, Long id, long version) {
        context.requireOrgCode();
        FormPage.fill(model, command, "branchId", id, version);
        return "outreach/branch-form";
    }

    // ---- 联学共建 sessions

    @GetMapping("/outreach/joint")
    String jointSessions(Model model) {
        model.addAttribute("sessions", linkage.jointSessions(context.requireOrgCode(), context.year()));
        model.addAttribute("edits", linkage.edits(context.orgCode()));
        return "outreach/joint";
    }

    @GetMapping("/outreach/joint/{sessionId}")
    String jointSession(@PathVariable long sessionId, Model model) {
        JointSessionView joint = linkage.jointSession(sessionId);
        model.addAttribute("joint", joint);
        boolean edits = linkage.mayLink(sessionId);
        model.addAttribute("edits", edits);
        if (edits) {
            model.addAttribute("choices", linkage.choices(sessionId));
        }
        return "outreach/joint-session";
    }

    @PostMapping("/outreach/joint/{sessionId}")
    @PreAuthorize(WRITE)
    String link(
            @PathVariable long sessionId,
            @RequestParam(required = false) Long version,
            @RequestParam(value = "youthGroupIds", required = false) List<Long> youthGroupIds,
            @RequestParam(value = "branchIds", required = false) List<Long> branchIds,
            Model model,
            RedirectAttributes redirect) {
        try {
            JointSessionView joint =
                    linkage.link(sessionId, version, new ParticipantsCommand(youthGroupIds, branchIds));
            String key = joint.linked() ? "outreach.flash.partnersSaved" : "outreach.flash.partnersCleared";
            return Flash.done(redirect, key, "/outreach/joint/" + sessionId);
        } catch (BusinessRuleException e) {
            model.addAttribute("error", e.getMessage());
            return jointSession(sessionId, model);
        }
    }
}
