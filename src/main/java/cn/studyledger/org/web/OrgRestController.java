package cn.studyledger.org.web;

import cn.studyledger.common.PageResult;
import cn.studyledger.common.web.PageQuery;
import cn.studyledger.org.OrgApi;
import cn.studyledger.org.OrgRef;
import cn.studyledger.org.domain.PersonCommand;
import cn.studyledger.org.domain.PersonService;
import cn.studyledger.org.domain.PersonView;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Organisations and people through the API. */
@RestController
@RequestMapping("/api/v1")
class OrgRestController {

    private final OrgApi orgs;
    private final PersonService people;

    OrgRestController(OrgApi orgs, PersonService people) {
        this.orgs = orgs;
        this.people = people;
    }

    @GetMapping("/orgs")
    List<OrgRef> readable() {
        return orgs.readableOrgs();
    }

    @GetMapping("/orgs/{orgCode}/people")
    PageResult<PersonView> people(
            @PathVariable String orgCode, @RequestParam(required = false) String q, PageQuery paging) {
        return people.search(orgCode, q, false, paging.page(), paging.size());
    }

    @PostMapping("/orgs/{orgCode}/people")
    @ResponseStatus(HttpStatus.CREATED)
    PersonView create(@PathVariable String orgCode, @Valid @RequestBody PersonCommand command) {
        return people.create(orgCode, command);
    }

    @PutMapping("/people/{id}")
    PersonView edit(@PathVariable long id, @RequestParam long version, @Valid @RequestBody PersonCommand command) {
        return people.edit(id, version, command);
    }
}
