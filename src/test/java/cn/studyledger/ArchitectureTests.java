package cn.studyledger;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
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
    void onlyTheOfficeToolkitWritesOfficeDocuments() {
        noClasses()
                .that()
                .resideOutsideOfPackage("cn.studyledger.office..")
                .and()
                .resideOutsideOfPackage("cn.studyledger.report..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.poi..")
                .check(MAIN);
    }

    @Test
    void onlyTheAnnualReportFillsUserTemplates() {
        noClasses()
                .that()
                .resideOutsideOfPackage("cn.studyledger.report..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.deepoove..")
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

    /**
     * Issue 13: the time comes from the {@code Clock} bean (so that tests can set the date) and the zone from
     * {@code common.time.OfficeTime}; only the clock's own configuration asks the system for it.
     */
    @Test
    void timeComesFromTheClockBean() {
        classes()
                .that()
                .doNotHaveFullyQualifiedName("cn.studyledger.config.ClockConfig")
                .should(notCallTheSystemClock())
                .check(MAIN);
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName("cn.studyledger.common.time.OfficeTime")
                .should()
                .callMethod(java.time.ZoneId.class, "of", String.class)
                .check(MAIN);
    }

    /** No call of {@code now()} or {@code now(ZoneId)} of a java.time type, nor of {@code Clock.system…}. */
    private static ArchCondition<JavaClass> notCallTheSystemClock() {
        return new ArchCondition<>("not call the system clock") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                for (JavaMethodCall call : type.getMethodCallsFromSelf()) {
                    var target = call.getTarget();
                    boolean javaTime = target.getOwner().getPackageName().equals("java.time");
                    List<String> params = target.getRawParameterTypes().stream()
                            .map(JavaClass::getName)
                            .toList();
                    boolean now = target.getName().equals("now")
                            && (params.isEmpty() || params.equals(List.of("java.time.ZoneId")));
                    boolean system = target.getOwner().isEquivalentTo(java.time.Clock.class)
                            && target.getName().startsWith("system");
                    if (javaTime && (now || system)) {
                        events.add(SimpleConditionEvent.violated(call, call.getDescription()));
                    }
                }
            }
        };
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
