package cn.studyledger.org.domain;

import cn.studyledger.common.security.Role;
import cn.studyledger.org.GroupRole;
import cn.studyledger.org.OrgType;
import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo organisations, people, central groups and accounts (DESIGN.md §7, §8), written once into an empty
 * database when the demo profile is active. Never active in {@code prod}.
 */
@Component
@Profile("demo")
@Order(10)
class OrgDemoData implements ApplicationRunner {

    static final String PASSWORD = "Demo@2025";
    static final List<Integer> YEARS = List.of(2025, 2026);

    private final OrgUnitRepository units;
    private final PersonRepository people;
    private final MembershipRepository memberships;
    private final UserAccountRepository accounts;
    private final PasswordEncoder encoder;

    OrgDemoData(
            OrgUnitRepository units,
            PersonRepository people,
            MembershipRepository memberships,
            UserAccountRepository accounts,
            PasswordEncoder encoder) {
        this.units = units;
        this.people = people;
        this.memberships = memberships;
        this.accounts = accounts;
        this.encoder = encoder;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (units.count() > 0) {
            return;
        }
        OrgUnit bureau = unit("XJ", "X局", OrgType.PARTY_GROUP, null, "生态环境");
        String[][] subordinate = {
            {"XJ-01", "X局生态环境监测中心党委", "PARTY_COMMITTEE", "生态监测"},
            {"XJ-02", "X局生态环境执法总队党委", "PARTY_COMMITTEE", "环境执法"},
            {"XJ-03", "X局环境规划研究院党委", "PARTY_COMMITTEE", "环境规划"},
            {"XJ-04", "X局信息中心党总支", "GENERAL_BRANCH", "生态信息化"},
            {"XJ-05", "X局宣传教育中心党支部", "BRANCH", "生态文化"},
            {"XJ-06", "X局机关服务中心党支部", "BRANCH", "后勤保障"}
        };
        String[][] bureauGroup = {
            {"王建国", "党组书记", "LEADER"},
            {"李明华", "党组副书记、局长", "DEPUTY"},
            {"张伟", "党组成员、副局长", "MEMBER"},
            {"刘芳", "党组成员、副局长", "MEMBER"},
            {"陈志强", "党组成员、驻局纪检监察组组长", "MEMBER"},
            {"杨丽", "党组成员、副局长", "MEMBER"},
            {"赵磊", "党组成员、总工程师", "MEMBER"},
            {"孙海燕", "二级巡视员", "MEMBER"},
            {"周文斌", "一级调研员", "MEMBER"},
            {"吴晓东", "办公室主任", "SECRETARY"}
        };
        Person leader = null;
        Person deputy = null;
        Person member = null;
        Person secretary = null;
        for (String[] row : bureauGroup) {
            Person p = people.save(new Person(bureau.getId(), row[0], row[1], LocalDate.of(1968, 5, 1), false, false));
            placeInGroup(bureau, p, GroupRole.valueOf(row[2]));
            switch (row[0]) {
                case "王建国" -> leader = p;
                case "李明华" -> deputy = p;
                case "张伟" -> member = p;
                case "吴晓东" -> secretary = p;
                default -> {}
            }
        }
        String[] youth = {"郑一鸣", "王小雨", "冯佳", "何思远", "许诺", "马晨", "高洁", "林峰", "罗婷", "梁宇", "宋佳琪", "唐杰"};
        String[] youthPositions = {"办公室一级主任科员", "法规处二级主任科员", "规划处一级主任科员", "监测处四级主任科员"};
        for (int i = 0; i < youth.length; i++) {
            people.save(new Person(
                    bureau.getId(),
                    youth[i],
                    youthPositions[i % youthPositions.length],
                    LocalDate.of(1990 + i % 8, 1 + i % 12, 10),
                    true,
                    false));
        }
        people.save(new Person(bureau.getId(), "黄立新", "省委党校教授", LocalDate.of(1966, 3, 2), false, true));
        people.save(new Person(bureau.getId(), "曹敏", "环境科学学院教授", LocalDate.of(1972, 8, 9), false, true));
        people.save(new Person(bureau.getId(), "邓华", "生态环境研究院研究员", LocalDate.of(1975, 11, 20), false, true));

        String[] surnames = {"钱", "孙", "李", "周", "吴", "郑", "冯", "陈", "褚", "卫", "蒋", "沈", "韩", "杨"};
        String[] given = {"志远", "文静", "海涛", "秀英", "国庆", "春燕", "建华", "丽娟"};
        String[] unitPositions = {"党委书记", "主任", "副主任", "纪委书记", "办公室主任"};
        OrgUnit firstUnit = null;
        for (int u = 0; u < subordinate.length; u++) {
            String[] row = subordinate[u];
            OrgUnit unit = unit(row[0], row[1], OrgType.valueOf(row[2]), bureau, row[3]);
            if (firstUnit == null) {
                firstUnit = unit;
            }
            for (int i = 0; i < unitPositions.length; i++) {
                String name = surnames[(u * 3 + i) % surnames.length] + given[(u + i * 3) % given.length];
                Person p = people.save(
                        new Person(unit.getId(), name, unitPositions[i], LocalDate.of(1972 + i, 6, 1), false, false));
                GroupRole role = i == 0
                        ? GroupRole.LEADER
                        : i == unitPositions.length - 1 ? GroupRole.SECRETARY : GroupRole.MEMBER;
                placeInGroup(unit, p, role);
            }
        }

        String hash = encoder.encode(PASSWORD);
        account("admin", hash, null, bureau, Role.SYS_ADMIN);
        account("secadmin", hash, null, bureau, Role.SEC_ADMIN);
        account("auditor", hash, null, bureau, Role.AUDITOR);
        account("clerk", hash, secretary, bureau, Role.CLERK);
        account("leader", hash, leader, bureau, Role.LEADER, Role.MEMBER);
        account("deputy", hash, deputy, bureau, Role.MEMBER);
        account("member", hash, member, bureau, Role.MEMBER);
        account("observer", hash, null, bureau, Role.OBSERVER);
        account("unitclerk", hash, null, firstUnit, Role.CLERK);
        account("superior", hash, null, bureau, Role.SUPERIOR);
    }

    private OrgUnit unit(String code, String name, OrgType type, OrgUnit parent, String field) {
        OrgUnit unit = units.save(new OrgUnit(code, name, type, parent == null ? null : parent.getId(), field));
        unit.placeUnder(parent == null ? "/" : parent.path());
        return unit;
    }

    private void placeInGroup(OrgUnit org, Person person, GroupRole role) {
        for (int year : YEARS) {
            memberships.save(new Membership(org.getId(), year, person.getId(), role));
        }
    }

    private void account(String username, String hash, Person person, OrgUnit org, Role... roles) {
        UserAccount account =
                new UserAccount(username, hash, person == null ? null : person.getId(), org.getId(), false);
        for (Role role : roles) {
            account.grant(role, org.getId());
        }
        accounts.save(account);
    }
}
