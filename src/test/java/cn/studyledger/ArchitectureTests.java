package cn.studyledger;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** House rules of STYLE.md that Modulith does not check. */
class ArchitectureTests {

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.studyledger");

    @Test
    void entitiesStayInsideTheirModulesDomain() {
        classes()
                .that()
                .areAnnotatedWith(jakarta.persistence.Entity.class)
                .should()
                .notBePublic()
                .andShould()
                .resideInAPackage("..domain..")
                .check(MAIN);
    }

    @Test
    void controllersLiveInWebPackages() {
        classes()
                .that()
                .areAnnotatedWith(org.springframework.stereotype.Controller.class)
                .or()
                .areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .should()
                .resideInAPackage("..web..")
                .check(MAIN);
    }

    @Test
    void onlyTheReportModuleWritesWordDocuments() {
        noClasses()
                .that()
                .resideOutsideOfPackage("cn.studyledger.report..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.poi..", "com.deepoove..")
                .check(MAIN);
    }

    @Test
    void domainDoesNotDependOnWeb() {
        noClasses()
                .that()
                .resideInAPackage("cn.studyledger..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("cn.studyledger..web..")
                .check(MAIN);
    }

    @Test
    void noFieldInjection() {
        fields().should()
                .notBeAnnotatedWith(org.springframework.beans.factory.annotation.Autowired.class)
                .check(MAIN);
    }

    @Test
    void noLegacyDateTypes() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.util.Date")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.util.Calendar")
                .check(MAIN);
    }

    @Test
    void entitiesNeverReachControllers() {
        noClasses()
                .that()
                .resideInAPackage("..web..")
                .should()
                .dependOnClassesThat()
                .areAnnotatedWith(jakarta.persistence.Entity.class)
                .check(MAIN);
    }
}
