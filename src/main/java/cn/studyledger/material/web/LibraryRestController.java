package cn.studyledger.material.web;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.common.PageResult;
import cn.studyledger.common.files.Upload;
import cn.studyledger.common.web.Downloads;
import cn.studyledger.common.web.PageQuery;
import cn.studyledger.material.domain.DocumentCommand;
import cn.studyledger.material.domain.DocumentView;
import cn.studyledger.material.domain.LibraryService;
import jakarta.validation.Valid;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
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

/**
 * The study library (学习资料库) through the API. A document is created as multipart (its fields as form fields
 * and the required part {@code file}); its description is changed as JSON, its file replaced as multipart.
 */
@RestController
@RequestMapping("/api/v1")
class LibraryRestController {

    private final LibraryService library;

    LibraryRestController(LibraryService library) {
        this.library = library;
    }

    @GetMapping("/orgs/{orgCode}/library")
    PageResult<DocumentView> search(
            @PathVariable String orgCode,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String tag,
            PageQuery paging) {
        return library.search(orgCode, q, category, tag, paging.page(), paging.size());
    }

    @PostMapping(value = "/orgs/{orgCode}/library", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    DocumentView create(
            @PathVariable String orgCode,
            @Valid @ModelAttribute DocumentCommand command,
            @RequestPart("file") MultipartFile file) {
        return library.create(orgCode, command, Downloads.upload(file));
    }

    @GetMapping("/library/{id}")
    DocumentView get(@PathVariable long id) {
        return library.get(id);
    }

    @PutMapping("/library/{id}")
    DocumentView edit(@PathVariable long id, @RequestParam long version, @Valid @RequestBody DocumentCommand command) {
        return library.edit(id, version, command, null);
    }

    @PostMapping(value = "/library/{id}/file", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    DocumentView replaceFile(
            @PathVariable long id, @RequestParam long version, @RequestPart("file") MultipartFile file) {
        Upload upload = Downloads.upload(file);
        if (upload == null) {
            throw new BusinessRuleException("请选择要上传的文件");
        }
        return library.edit(id, version, library.get(id).toCommand(), upload);
    }

    @DeleteMapping("/library/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        library.delete(id);
    }

    @GetMapping("/library/{id}/file")
    ResponseEntity<InputStreamResource> file(@PathVariable long id) {
        return Downloads.attachment(library.download(id));
    }
}
