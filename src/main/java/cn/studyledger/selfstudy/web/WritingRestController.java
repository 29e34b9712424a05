package cn.studyledger.selfstudy.web;

import cn.studyledger.common.PageResult;
import cn.studyledger.common.web.Downloads;
import cn.studyledger.common.web.PageQuery;
import cn.studyledger.selfstudy.WritingKind;
import cn.studyledger.selfstudy.domain.WritingCommand;
import cn.studyledger.selfstudy.domain.WritingService;
import cn.studyledger.selfstudy.domain.WritingView;
import jakarta.validation.Valid;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Writings (学习成果) through the API; the file is sent separately, as multipart, once the writing exists. */
@RestController
@RequestMapping("/api/v1")
class WritingRestController {

    private final WritingService writings;

    WritingRestController(WritingService writings) {
        this.writings = writings;
    }

    @GetMapping("/orgs/{orgCode}/writings")
    PageResult<WritingView> list(
            @PathVariable String orgCode,
            @RequestParam int year,
            @RequestParam(required = false) WritingKind kind,
            @RequestParam(required = false) Long person,
            PageQuery paging) {
        return writings.search(orgCode, year, kind, person, paging.page(), paging.size());
    }

    @PostMapping("/orgs/{orgCode}/writings")
    @ResponseStatus(HttpStatus.CREATED)
    WritingView create(@PathVariable String orgCode, @Valid @RequestBody WritingCommand command) {
        return writings.create(orgCode, command, null);
    }

    @GetMapping("/writings/{id}")
    WritingView get(@PathVariable long id) {
        return writings.get(id);
    }

    @PutMapping("/writings/{id}")
    WritingView edit(@PathVariable long id, @RequestParam long version, @Valid @RequestBody WritingCommand command) {
        return writings.edit(id, version, command, null);
    }

    @DeleteMapping("/writings/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        writings.delete(id);
    }

    /** Attaches or replaces the file; a refused file (type by content, size) answers 422 and changes nothing. */
    @PostMapping(value = "/writings/{id}/file", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    WritingView attach(
            @PathVariable long id,
            @RequestParam(required = false) Long version,
            @RequestPart("file") MultipartFile file) {
        return writings.attach(id, version, Downloads.upload(file));
    }

    @GetMapping("/writings/{id}/file")
    ResponseEntity<InputStreamResource> file(@PathVariable long id) {
        return Downloads.attachment(writings.download(id));
    }
}
