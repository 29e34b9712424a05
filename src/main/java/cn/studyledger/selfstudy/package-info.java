/**
 * Personal self-study (个人自学): members log what they read and for how long, and keep their writings (学习成果:
 * 心得体会、调研报告、理论文章、发言材料) with an optional file; the clerk sees the whole group's log, keeps the
 * group's online learning (线上学习, also imported from .xlsx). Self-study is self-declared, never measured by time
 * online. Defines {@code selfstudy.hours}, {@code writings.count} and {@code online.personTimes}.
 */
@ApplicationModule(
        displayName = "个人自学",
        allowedDependencies = {"common", "figure", "office", "org"})
package cn.studyledger.selfstudy;

import org.springframework.modulith.ApplicationModule;
