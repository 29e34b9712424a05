/**
 * Personal self-study (个人自学): members log what they read and for how long, and keep their writings (学习成果:
 * 心得体会、调研报告、理论文章、发言材料) with an optional file; the clerk sees the whole group's log, keeps the
 * group's online learning (线上学习, also imported from .xlsx). Self-study is self-declared, never measured by time
 * online. Defines {@code selfstudy.hours}, {@code writings.count} and {@code online.personTimes}. Keeps each
 * person's yearly self-study total ({@code selfstudy_person_year_total}, {@code SelfStudyTotals}) in the transaction
 * of every entry written, so the roll-up tallies a row per person instead of every entry; the table is derived (never
 * archived) and rebuilt from the entries after an archive restore and after the scale data.
 */
@ApplicationModule(
        displayName = "个人自学",
        allowedDependencies = {"common", "figure", "office", "org"})
package cn.studyledger.selfstudy;

import org.springframework.modulith.ApplicationModule;
