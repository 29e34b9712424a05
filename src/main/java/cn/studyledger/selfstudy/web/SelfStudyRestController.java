package cn.studyledger.selfstudy.web;

import cn.studyledger.common.PageResult;
import cn.studyledger.common.web.PageQuery;
import cn.studyledger.selfstudy.domain.SelfStudyCommand;
import cn.studyledger.selfstudy.domain.SelfStudyRow;
import cn.studyledger.selfstudy.domain.SelfStudyService;
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

/** Self-study entries through the API. */
@RestController
@RequestMapping("/api/v1")
class SelfStudyRestController {

    private final SelfStudyService selfStudy;

    SelfStudyRestController(SelfStudyService selfStudy) {
        this.selfStudy = selfStudy;
    }

    @GetMapping("/orgs/{orgCode}/selfstudy")
    PageResult<SelfStudyRow> list(
            @PathVariable String orgCode,
            @RequestParam int year,
            @RequestParam(required = false) Long person,
            PageQuery paging) {
        return selfStudy.search(orgCode, year, person, paging.page(), paging.size());
    }

    @PostMapping("/orgs/{orgCode}/selfstudy")
    @ResponseStatus(HttpStatus.CREATED)
    SelfStudyRow create(@PathVariable String orgCode, @Valid @RequestBody SelfStudyCommand command) {
        return selfStudy.create(orgCode, command);
    }

    @PutMapping("/selfstudy/{id}")
    SelfStudyRow edit(@PathVariable long id, @RequestParam long version, @Valid @RequestBody SelfStudyCommand command) {
        return selfStudy.edit(id, version, command);
    }

    @DeleteMapping("/selfstudy/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        selfStudy.delete(id);
    }
}
