package cn.studyledger.selfstudy.web;

import cn.studyledger.common.PageResult;
import cn.studyledger.common.ProblemTypes;
import cn.studyledger.common.web.PageQuery;
import cn.studyledger.selfstudy.domain.OnlineLearningCommand;
import cn.studyledger.selfstudy.domain.OnlineLearningImport;
import cn.studyledger.selfstudy.domain.OnlineLearningRow;
import cn.studyledger.selfstudy.domain.OnlineLearningService;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Online learning (线上学习) through the API, the .xlsx import included. */
@RestController
@RequestMapping("/api/v1")
class OnlineLearningRestController {

    private final OnlineLearningService online;
    private final OnlineLearningImport importer;

    OnlineLearningRestController(OnlineLearningService online, OnlineLearningImport importer) {
        this.online = online;
        this.importer = importer;
    }

    @GetMapping("/orgs/{orgCode}/online")
    PageResult<OnlineLearningRow> list(
            @PathVariable String orgCode,
            @RequestParam int year,
            @RequestParam(required = false) Long person,
            PageQuery paging) {
        return online.search(orgCode, year, person, paging.page(), paging.size());
    }

    @PostMapping("/orgs/{orgCode}/online")
    @ResponseStatus(HttpStatus.CREATED)
    OnlineLearningRow create(@PathVariable String orgCode, @Valid @RequestBody OnlineLearningCommand command) {
        return online.create(orgCode, command);
    }

    /** All or nothing: 201 with the count, or a 422 problem listing every bad row (and nothing saved). */
    @PostMapping(value = "/orgs/{orgCode}/online/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> importFile(@PathVariable String orgCode, @RequestPart("file") MultipartFile file)
            throws IOException {
        OnlineLearningImport.Result result;
        try (InputStream in = file.getInputStream()) {
            result = importer.run(orgCode, in);
        }
        if (result.succeeded()) {
            return ResponseEntity.status(HttpStatus.CREATED).body(result);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, "导入失败，未保存任何数据");
        problem.setType(ProblemTypes.BUSINESS_RULE);
        problem.setProperty("errors", result.errors());
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @DeleteMapping("/online/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        online.delete(id);
    }
}
