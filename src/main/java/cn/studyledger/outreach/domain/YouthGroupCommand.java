package cn.studyledger.outreach.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A youth theory group as entered: its name, leader and members (youth cadres of the organisation). The leader
 * is added to the members when left out.
 */
public record YouthGroupCommand(
        @NotBlank(message = "请填写小组名称") @Size(max = 100, message = "小组名称最长100字")
        String name,

        Long leaderPersonId,
        @Size(max = 200, message = "小组成员过多") List<Long> memberPersonIds) {

    public List<Long> members() {
        return memberPersonIds == null ? List.of() : memberPersonIds;
    }
}
