package cn.studyledger.research.web;

import cn.studyledger.common.security.Permissions;
import cn.studyledger.common.web.AgendaLinks;
import cn.studyledger.common.web.Flash;
import cn.studyledger.common.web.FormPage;
import cn.studyledger.common.web.FormPost;
import cn.studyledger.common.web.HtmxFragment;
import cn.studyledger.common.web.WorkContext;
import cn.studyledger.research.domain.AdoptionCommand;
import cn.studyledger.research.domain.DiscussionCommand;
import cn.studyledger.research.domain.RecommendationCommand;
import cn.studyledger.research.domain.RejectionCommand;
import cn.studyledger.research.domain.ResearchViews.RecommendationView;
import cn.studyledger.research.domain.ResearchViews.TopicDetail;
import cn.studyledger.research.domain.TopicCommand;
import cn.studyledger.research.domain.TopicService;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
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
 * Pages of the research topics (研讨课题): the year's list with search and adoption rates, a topic with the sessions
 * that discussed it and its recommendations, and the forms for topics and recommendations (propose, adopt, not adopt).
 */
@Controller
class ResearchController {

    private static final String WRITE = "hasAuthority('" + Permissions.RESEARCH_EDIT + "')";

    private static final AgendaLinks DISCUSSIONS = new AgendaLinks("discussionError", "research.discussions");

    private final TopicService topics;
    private final WorkContext context;
    private final Clock clock;

    ResearchController(TopicService topics, WorkContext context, Clock clock) {
        this.clock = clock;
        this.topics = topics;
        this.context = context;
    }

    @HtmxFragment("results")
    @GetMapping("/research")
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("result", topics.search(context.requireOrgCode(), context.year(), q, page, 20));
        model.addAttribute("summary", topics.summary(context.orgCode(), context.year()));
        model.addAttribute("q", q);
        model.addAttribute("canEdit", topics.canEdit(context.orgCode()));
        return "research/topics";
    }

    @GetMapping("/research/new")
    @PreAuthorize(WRITE)
    String newForm(Model model) {
        context.requireOrgCode();
        return form(model, TopicCommand.blank(context.year()), null, 0);
    }

    @PostMapping("/research")
    @PreAuthorize(WRITE)
    String create(@Valid @ModelAttribute("command") TopicCommand command, BindingResult binding, FormPost post) {
        return post.refused(model -> form(model, command, null, 0))
                .to(
                        () -> "/research/"
                                + topics.create(context.orgCode(), command).id(),
                        "research.flash.topicCreated");
    }

    @GetMapping("/research/{id}")
    String detail(@PathVariable long id, Model model) {
        TopicDetail detail = topics.get(id);
        boolean canEdit = topics.canEdit(detail.orgCode());
        model.addAttribute("detail", detail);
        model.addAttribute("canEdit", canEdit);
        model.addAttribute("options", canEdit ? topics.discussionOptions(id) : List.of());
        return "research/topic";
    }

    @GetMapping("/research/{id}/edit")
    @PreAuthorize(WRITE)
    String editForm(@PathVariable long id, Model model) {
        TopicDetail detail = topics.get(id);
        return form(model, detail.toCommand(), id, detail.version());
    }

    @PostMapping("/research/{id}")
    @PreAuthorize(WRITE)
    String edit(
            @PathVariable long id,
            @RequestParam long version,
            @Valid @ModelAttribute("command") TopicCommand command,
            BindingResult binding,
            FormPost post) {
        return post.refused(model -> form(model, command, id, version))
                .run(() -> topics.edit(id, version, command), "common.saved", "/research/" + id);
    }

    @PostMapping("/research/{id}/delete")
    @PreAuthorize(WRITE)
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        topics.delete(id);
        return Flash.done(redirect, "research.flash.topicDeleted", "/research");
    }

    @PostMapping("/research/{id}/discussions")
    @PreAuthorize(WRITE)
    String link(@PathVariable long id, @RequestParam(required = false) Long agendaItemId, RedirectAttributes redirect) {
        return DISCUSSIONS.link(
                redirect, agendaItemId, item -> topics.link(id, new DiscussionCommand(null, item)), "/research/" + id);
    }

    @PostMapping("/research/{id}/discussions/{discussionId}/delete")
    @PreAuthorize(WRITE)
    String unlink(@PathVariable long id, @PathVariable long discussionId, RedirectAttributes redirect) {
        topics.unlink(id, discussionId);
        return Flash.done(redirect, "research.flash.discussionUnlinked", "/research/" + id);
    }

    // ---- recommendations ----

    @GetMapping("/research/{id}/recommendations/new")
    @PreAuthorize(WRITE)
    String newRecommendation(@PathVariable long id, Model model) {
        TopicDetail topic = topics.get(id);
        LocalDate date = topic.discussions().isEmpty()
                ? LocalDate.now(clock)
                : topic.discussions().get(topic.discussions().size() - 1).sessionDate();
        return recommendationForm(model, topic, new RecommendationCommand("", topic.leadPersonId(), date), null);
    }

    @PostMapping("/research/{id}/recommendations")
    @PreAuthorize(WRITE)
    String propose(
            @PathVariable long id,
            @Valid @ModelAttribute("command") RecommendationCommand command,
            BindingResult binding,
            FormPost post) {
        return post.refused(model -> recommendationForm(model, topics.get(id), command, null))
                .to(
                        () -> "/research/" + id + "#recommendation-"
                                + topics.propose(id, command).id(),
                        "research.flash.recommendationProposed");
    }

    @GetMapping("/research/recommendations/{id}/edit")
    @PreAuthorize(WRITE)
    String editRecommendation(@PathVariable long id, Model model) {
        RecommendationView recommendation = topics.recommendation(id);
        return recommendationForm(
                model, topics.get(recommendation.topicId()), recommendation.toCommand(), recommendation);
    }

    @PostMapping("/research/recommendations/{id}")
    @PreAuthorize(WRITE)
    String revise(
            @PathVariable long id,
            @RequestParam long version,
            @Valid @ModelAttribute("command") RecommendationCommand command,
            BindingResult binding,
            FormPost post) {
        RecommendationView recommendation = topics.recommendation(id);
        return post.refused(model ->
                        recommendationForm(model, topics.get(recommendation.topicId()), command, recommendation))
                .run(() -> topics.revise(id, version, command), "common.saved", anchor(recommendation));
    }

    @PostMapping("/research/recommendations/{id}/delete")
    @PreAuthorize(WRITE)
    String deleteRecommendation(@PathVariable long id, RedirectAttributes redirect) {
        long topicId = topics.deleteRecommendation(id);
        return Flash.done(redirect, "research.flash.recommendationDeleted", "/research/" + topicId);
    }

    @GetMapping("/research/recommendations/{id}/adopt")
    @PreAuthorize(WRITE)
    String adoptForm(@PathVariable long id, Model model) {
        model.addAttribute("command", new AdoptionCommand("", "", LocalDate.now(clock)));
        return decisionForm(model, topics.recommendation(id), "adopt");
    }

    @PostMapping("/research/recommendations/{id}/adopt")
    @PreAuthorize(WRITE)
    String adopt(
            @PathVariable long id,
            @RequestParam long version,
            @Valid @ModelAttribute("command") AdoptionCommand command,
            BindingResult binding,
            FormPost post) {
        RecommendationView recommendation = topics.recommendation(id);
        return post.refused(model -> decisionForm(model, recommendation, "adopt"))
                .answer(() -> post.done(
                        "research.flash.adopted",
                        anchor(recommendation),
                        topics.adopt(id, version, command).documentNo()));
    }

    @GetMapping("/research/recommendations/{id}/reject")
    @PreAuthorize(WRITE)
    String rejectForm(@PathVariable long id, Model model) {
        model.addAttribute("command", new RejectionCommand("", LocalDate.now(clock)));
        return decisionForm(model, topics.recommendation(id), "reject");
    }

    @PostMapping("/research/recommendations/{id}/reject")
    @PreAuthorize(WRITE)
    String reject(
            @PathVariable long id,
            @RequestParam long version,
            @Valid @ModelAttribute("command") RejectionCommand command,
            BindingResult binding,
            FormPost post) {
        RecommendationView recommendation = topics.recommendation(id);
        return post.refused(model -> decisionForm(model, recommendation, "reject"))
                .run(() -> topics.reject(id, version, command), "research.flash.rejected", anchor(recommendation));
    }

    private String form(Model model, TopicCommand command, Long id, long version) {
        int year = command.year() == null ? context.year() : command.year();
        FormPage.fill(model, command, "topicId", id, version);
        model.addAttribute("leads", topics.leads(context.requireOrgCode(), year));
        return "research/topic-form";
    }

    private static String anchor(RecommendationView recommendation) {
        return "/research/" + recommendation.topicId() + "#recommendation-" + recommendation.id();
    }

    /** The form of a decision on the recommendation: {@code adopt} or {@code reject}. */
    private static String decisionForm(Model model, RecommendationView recommendation, String decision) {
        model.addAttribute("recommendation", recommendation);
        model.addAttribute("decision", decision);
        return "research/decision-form";
    }

    private String recommendationForm(
            Model model, TopicDetail topic, RecommendationCommand command, RecommendationView existing) {
        model.addAttribute("topic", topic);
        model.addAttribute("command", command);
        model.addAttribute("existing", existing);
        model.addAttribute("people", topics.people(topic.orgCode()));
        return "research/recommendation-form";
    }
}
