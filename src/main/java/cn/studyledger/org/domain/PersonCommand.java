package cn.studyledger.org.domain;

import cn.studyledger.common.validation.BirthDate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** What is entered for a person, on the form, through the API or as one row of an import. */
public record PersonCommand(
        @NotBlank(message = "请填写姓名") @Size(max = 50, message = "姓名最长50字")
        String name,

        @Size(max = 100, message = "职务最长100字") String position,

        @PastOrPresent(message = "出生日期不能晚于今天") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @BirthDate
        LocalDate birthDate,

        Boolean youthCadre,
        Boolean expert) {

    public PersonCommand {
        youthCadre = Boolean.TRUE.equals(youthCadre);
        expert = Boolean.TRUE.equals(expert);
    }
}
