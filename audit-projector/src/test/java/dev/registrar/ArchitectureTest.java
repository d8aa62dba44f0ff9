package dev.registrar;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.registrar", importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {

    /** One direction, no back-flow: the audit side never touches the command side's database. */
    @ArchTest
    static final ArchRule neverTouchesTheCommandSidesDatabase = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.jooq..", "org.axonframework..");

    @ArchTest
    static final ArchRule controllersAndComponentsAreNotPublic = classes()
            .that().areAnnotatedWith(org.springframework.stereotype.Component.class)
            .or().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
            .should().notBePublic();
}
