package dev.registrar;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.registrar", importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainStaysFreeOfInfrastructure = noClasses()
            .that().resideInAnyPackage("dev.registrar.client..", "dev.registrar.errors..")
            .or().areAnnotatedWith(org.axonframework.spring.stereotype.Aggregate.class)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.jooq..", "org.apache.kafka..", "org.springframework.kafka..", "co.elastic..",
                    "org.springframework.web..", "jakarta.servlet..");

    /** Generated tables stay inside repositories (and the credentials store, which is one). */
    @ArchTest
    static final ArchRule generatedJooqCodeIsUsedOnlyByRepositories = noClasses()
            .that().resideOutsideOfPackage("dev.registrar.readmodel.jooq..")
            .and().haveSimpleNameNotEndingWith("Repository")
            .and().doNotHaveFullyQualifiedName("dev.registrar.credentials.Credentials")
            .should().dependOnClassesThat().resideInAPackage("dev.registrar.readmodel.jooq..");

    @ArchTest
    static final ArchRule aggregatesAreNotPublic = classes()
            .that().areAnnotatedWith(org.axonframework.spring.stereotype.Aggregate.class)
            .should().notBePublic();

    @ArchTest
    static final ArchRule controllersAreNotPublic = classes()
            .that().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
            .should().notBePublic();

    @ArchTest
    static final ArchRule onlyThePublisherTalksToKafka = noClasses()
            .that().resideOutsideOfPackage("dev.registrar.publishing..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..");
}
