package cn.studyledger.selfstudy.web;

import cn.studyledger.common.web.Downloads;
import cn.studyledger.selfstudy.domain.StudyNoteService;
import cn.studyledger.selfstudy.domain.StudyNoteView;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Study notes (学习笔记) of a self-study entry through the API: list, upload (multipart), remove. */
@RestController
@RequestMapping("/api/v1/selfstudy/{id}/notes")
class StudyNoteRestController {

    private final StudyNoteService notes;

    StudyNoteRestController(StudyNoteService notes) {
        this.notes = notes;
    }

    @GetMapping
    List<StudyNoteView> list(@PathVariable long id) {
        return notes.notes(id);
    }

    /** A file over the year's limits (size, image size, type by content) answers 422 and stores nothing. */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    StudyNoteView attach(@PathVariable long id, @RequestPart("file") MultipartFile file) {
        return notes.attach(id, Downloads.upload(file));
    }

    @DeleteMapping("/{fileId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void detach(@PathVariable long id, @PathVariable long fileId) {
        notes.detach(id, fileId);
    }
}
