package cn.studyledger.research.web;

import cn.studyledger.common.PageResult;
import cn.studyledger.common.web.PageQuery;
import cn.studyledger.research.domain.AdoptionCommand;
import cn.studyledger.research.domain.DiscussionCommand;
import cn.studyledger.research.domain.RecommendationCommand;
import cn.studyledger.research.domain.RejectionCommand;
import cn.studyledger.research.domain.ResearchViews.RecommendationView;
import cn.studyledger.research.domain.ResearchViews.TopicDetail;
import cn.studyledger.research.domain.ResearchViews.TopicRow;
import cn.studyledger.research.domain.ResearchViews.YearSummary;
import cn.studyledger.research.domain.TopicCommand;
import cn.studyledger.research.domain.TopicService;
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

/** Research topics and recommendations through the API; every change of a record carries the version it was based on. */
@RestController
@RequestMapping("/api/v1")
class ResearchRestController {

    private final TopicService topics;

    ResearchRestController(TopicService topics) {
        this.topics = topics;
    }

    @GetMapping("/orgs/{orgCode}/research/topics")
    PageResult<TopicRow> list(
            @PathVariable String orgCode,
            @RequestParam int year,
            @RequestParam(required = false) String q,
            PageQuery paging) {
        return topics.search(orgCode, year, q, paging.page(), paging.size());
    }

    @PostMapping("/orgs/{orgCode}/research/topics")
    @ResponseStatus(HttpStatus.CREATED)
    TopicDetail create(@PathVariable String orgCode, @Valid @RequestBody TopicCommand command) {
        return topics.create(orgCode, command);
    }

    /** The year's topics and the adoption of the recommendations proposed in it (学用转化). */
    @GetMapping("/orgs/{orgCode}/research/years/{year}/summary")
    YearSummary summary(@PathVariable String orgCode, @PathVariable int year) {
        return topics.summary(orgCode, year);
    }

    @GetMapping("/research/topics/{id}")
    TopicDetail get(@PathVariable long id) {
        return topics.get(id);
    }

    @PutMapping("/research/topics/{id}")
    TopicDetail edit(@PathVariable long id, @RequestParam long version, @Valid @RequestBody TopicCommand command) {
        return topics.edit(id, version, command);
    }

    @DeleteMapping("/research/topics/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        topics.delete(id);
    }

    @PostMapping("/research/topics/{id}/discussions")
    @ResponseStatus(HttpStatus.CREATED)
    TopicDetail link(@PathVariable long id, @Valid @RequestBody DiscussionCommand command) {
        return topics.link(id, command);
    }

    @DeleteMapping("/research/topics/{id}/discussions/{discussionId}")
    TopicDetail unlink(@PathVariable long id, @PathVariable long discussionId) {
        return topics.unlink(id, discussionId);
    }

    @PostMapping("/research/topics/{id}/recommendations")
    @ResponseStatus(HttpStatus.CREATED)
    RecommendationView propose(@PathVariable long id, @Valid @RequestBody RecommendationCommand command) {
        return topics.propose(id, command);
    }

    @GetMapping("/research/recommendations/{id}")
    RecommendationView recommendation(@PathVariable long id) {
        return topics.recommendation(id);
    }

    @PutMapping("/research/recommendations/{id}")
    RecommendationView revise(
            @PathVariable long id, @RequestParam long version, @Valid @RequestBody RecommendationCommand command) {
        return topics.revise(id, version, command);
    }

    @DeleteMapping("/research/recommendations/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteRecommendation(@PathVariable long id) {
        topics.deleteRecommendation(id);
    }

    /** PROPOSED → ADOPTED. */
    @PostMapping("/research/recommendations/{id}/adopt")
    RecommendationView adopt(
            @PathVariable long id, @RequestParam long version, @Valid @RequestBody AdoptionCommand command) {
        return topics.adopt(id, version, command);
    }

    /** PROPOSED → NOT_ADOPTED. */
    @PostMapping("/research/recommendations/{id}/reject")
    RecommendationView reject(
            @PathVariable long id, @RequestParam long version, @Valid @RequestBody RejectionCommand command) {
        return topics.reject(id, version, command);
    }
}
