package cn.studyledger.outreach.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.studyledger.common.BusinessRuleException;
import cn.studyledger.outreach.ExchangeRole;
import cn.studyledger.outreach.PublicityChannel;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules the outreach records keep on their own: a youth group is dissolved and revived once each way, a
 * branch likewise, a 联学共建 link has a participant, a publicity item keeps a link or a file, an exchange
 * meeting has participants.
 */
class OutreachRulesTests {

    static final LocalDate DAY = LocalDate.of(2025, 11, 28);

    @Test
    void aYouthGroupsLeaderIsAlwaysOneOfItsMembers() {
        YouthGroup group = new YouthGroup(1, "机关第一青年理论学习小组", 7L, List.of(8L, 9L));
        assertThat(group.memberIds()).containsExactly(7L, 8L, 9L);
        assertThat(group.isActive()).isTrue();
    }

    @Test
    void aYouthGroupWithoutMembersIsRefused() {
        assertThatThrownBy(() -> new YouthGroup(1, "空小组", null, List.of()))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("请至少选择一名小组成员");
    }

    @Test
    void dissolvingTwiceOrRevivingAnActiveGroupIsRefused() {
        YouthGroup group = new YouthGroup(1, "机关第二青年理论学习小组", 7L, List.of());
        assertThatThrownBy(group::revive)
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("青年理论学习小组“机关第二青年理论学习小组”正在活动，无需恢复");
        group.dissolve();
        assertThat(group.isActive()).isFalse();
        assertThatThrownBy(group::dissolve)
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("青年理论学习小组“机关第二青年理论学习小组”已撤销");
        group.revive();
        assertThat(group.isActive()).isTrue();
    }

    @Test
    void retiringTwiceOrRevivingAnActiveBranchIsRefused() {
        PartnerBranch branch = new PartnerBranch(1, "局机关办公室党支部", null);
        assertThatThrownBy(branch::revive)
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("党支部“局机关办公室党支部”正在使用，无需恢复");
        branch.retire();
        assertThatThrownBy(branch::retire)
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("党支部“局机关办公室党支部”已停用");
        branch.revive();
        assertThat(branch.isActive()).isTrue();
    }

    @Test
    void aJointLinkNeedsAtLeastOneYouthGroupOrBranch() {
        JointLink link = new JointLink(1, 42);
        assertThatThrownBy(() -> link.participants(List.of(), List.of()))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("请至少选择一个青年理论学习小组或党支部");
        link.participants(List.of(), List.of(3L));
        assertThat(link.branchIds()).containsExactly(3L);
        link.participants(List.of(2L, 1L), List.of());
        assertThat(link.youthGroupIds()).containsExactly(1L, 2L);
        assertThat(link.branchIds()).isEmpty();
    }

    @Test
    void aPublicityItemKeepsALinkOrAFile() {
        assertThatThrownBy(() -> item(null, null))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("请填写链接或上传文件（至少一项）");
        PublicityItem withFile = item(null, 5L);
        assertThatThrownBy(withFile::removeFile)
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("请填写链接或上传文件（至少一项）");
        assertThat(withFile.fileId()).isEqualTo(5L);

        PublicityItem both = item("https://www.xj.example/a", 5L);
        both.removeFile();
        assertThat(both.fileId()).isNull();
        assertThatThrownBy(() -> both.describe(PublicityChannel.NEW_MEDIA, null, "标题", DAY, " ", null))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("请填写链接或上传文件（至少一项）");
        assertThat(both.replaceFile(6L)).isNull();
    }

    @Test
    void aPublicityItemRefusesALinkThatIsNoWebAddress() {
        assertThatThrownBy(() -> item("javascript:alert(1)", 5L))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("链接应为以 http:// 或 https:// 开头的完整网址");
        PublicityItem item = item(" https://www.xj.example/a ", null);
        assertThat(item.link()).isEqualTo("https://www.xj.example/a");
    }

    @Test
    void anExchangeMeetingHasAtLeastOneParticipant() {
        ExchangeMeeting meeting = new ExchangeMeeting(1);
        assertThatThrownBy(() -> meeting.describe("交流会", DAY, "省生态环境厅党组", ExchangeRole.ATTENDED, 0, null))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("参加人数应至少为1人");
    }

    private static PublicityItem item(String link, Long fileId) {
        return new PublicityItem(1, PublicityChannel.NEW_MEDIA, "理论学习专栏", "标题", DAY, link, fileId, null);
    }
}
