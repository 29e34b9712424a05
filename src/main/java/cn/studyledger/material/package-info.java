/**
 * Study materials (学习资料): the numbered issues of 专题学习资料 the clerk compiles through the year (第N期, with
 * contents and files; drafts until published, and only published issues count or reach the members), and the
 * organisation's searchable document library (学习资料库). Files are kept by the common file store and served
 * only after this module's scope check. Defines {@code materials.issues}.
 */
@ApplicationModule(
        displayName = "学习资料",
        allowedDependencies = {"common", "figure", "org"})
package cn.studyledger.material;

import org.springframework.modulith.ApplicationModule;
