package cn.studyledger.session.web;

import cn.studyledger.session.domain.StudyTestCommand;
import cn.studyledger.session.domain.StudyTests;
import cn.studyledger.session.domain.StudyTests.Participant;
import cn.studyledger.session.domain.StudyTests.StudyTestRow;
import cn.studyledger.session.domain.StudyTests.StudyTestView;
import jakarta.validation.Valid;
import java.util.List;
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

/**
 * The group's 学习测试 through the API: a year's list, one test with the group's part in it (scores for the clerk
 * and the 组长 only), and the clerk's changes, each naming the version it was based on (409 if stale).
 */
@RestController
@RequestMapping("/api/v1")
class StudyTestRestController {

    private final StudyTests tests;

    StudyTestRestController(StudyTests tests) {
        this.tests = tests;
    }

    /** Who took part: the whole list, replacing the one stored. */
    record ParticipantsEdit(List<Participant> participants) {}

    @GetMapping("/orgs/{orgCode}/years/{year}/study-tests")
    List<StudyTestRow> list(@PathVariable String orgCode, @PathVariable int year) {
        return tests.list(orgCode, year);
    }

    @PostMapping("/orgs/{orgCode}/years/{year}/study-tests")
    @ResponseStatus(HttpStatus.CREATED)
    StudyTestView create(
            @PathVariable String orgCode, @PathVariable int year, @Valid @RequestBody StudyTestCommand command) {
        return tests.create(orgCode, year, command);
    }

    @GetMapping("/study-tests/{id}")
    StudyTestView get(@PathVariable long id) {
        return tests.get(id);
    }

    @PutMapping("/study-tests/{id}")
    StudyTestView edit(
            @PathVariable long id, @RequestParam long version, @Valid @RequestBody StudyTestCommand command) {
        return tests.edit(id, version, command);
    }

    @DeleteMapping("/study-tests/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id, @RequestParam long version) {
        tests.delete(id, version);
    }

    @PutMapping("/study-tests/{id}/participants")
    StudyTestView participants(@PathVariable long id, @RequestParam long version, @RequestBody ParticipantsEdit edit) {
        return tests.participants(id, version, edit.participants());
    }
}
