package cn.studyledger.material.web;

import cn.studyledger.common.PageResult;
import cn.studyledger.common.web.Downloads;
import cn.studyledger.common.web.PageQuery;
import cn.studyledger.material.domain.IssueCommand;
import cn.studyledger.material.domain.IssueView;
import cn.studyledger.material.domain.MaterialService;
import jakarta.validation.Valid;
import java.util.List;
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

/** Material issues (专题学习资料) through the API; files are added as multipart once the issue exists. */
@RestController
@RequestMapping("/api/v1")
class MaterialRestController {

    private final MaterialService materials;

    MaterialRestController(MaterialService materials) {
        this.materials = materials;
    }

    @GetMapping("/orgs/{orgCode}/materials")
    PageResult<IssueView> list(@PathVariable String orgCode, @RequestParam int year, PageQuery paging) {
        return materials.search(orgCode, year, paging.page(), paging.size());
    }

    @PostMapping("/orgs/{orgCode}/materials")
    @ResponseStatus(HttpStatus.CREATED)
    IssueView create(@PathVariable String orgCode, @Valid @RequestBody IssueCommand command) {
        return materials.create(orgCode, command, List.of());
    }

    @GetMapping("/materials/{id}")
    IssueView get(@PathVariable long id) {
        return materials.get(id);
    }

    @PutMapping("/materials/{id}")
    IssueView edit(@PathVariable long id, @RequestParam long version, @Valid @RequestBody IssueCommand command) {
        return materials.edit(id, version, command);
    }

    @PostMapping("/materials/{id}/publish")
    IssueView publish(@PathVariable long id, @RequestParam long version) {
        return materials.publish(id, version);
    }

    @DeleteMapping("/materials/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        materials.delete(id);
    }

    /** Adds files (part name {@code file}, repeatable); one refused file and none is added (422). */
    @PostMapping(value = "/materials/{id}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    IssueView attach(
            @PathVariable long id,
            @RequestParam(required = false) Long version,
            @RequestPart("file") List<MultipartFile> files) {
        return materials.attach(id, version, Downloads.uploads(files));
    }

    @DeleteMapping("/materials/{id}/files/{fileId}")
    IssueView detach(@PathVariable long id, @PathVariable long fileId, @RequestParam(required = false) Long version) {
        return materials.detach(id, fileId, version);
    }

    @GetMapping("/materials/{id}/files/{fileId}")
    ResponseEntity<InputStreamResource> file(@PathVariable long id, @PathVariable long fileId) {
        return Downloads.attachment(materials.download(id, fileId));
    }
}
