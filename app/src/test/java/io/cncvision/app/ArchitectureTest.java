package io.cncvision.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps the module arrows of DESIGN.md true: which module may depend on which, and what the
 * framework-free modules may use at all.
 *
 * <p>It runs in {@code app} because only {@code app} sees every module on its classpath; {@code
 * bench} depends on {@code app}, so it is never imported here and its layer stays optional.
 * Modules that have no classes yet must not fail the build, hence the optional layers and
 * {@code allowEmptyShould(true)}.
 */
@AnalyzeClasses(packages = "io.cncvision",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.DoNotIncludeTestJars.class})
class ArchitectureTest {

    private static final String API = "io.cncvision.api..";
    private static final String SPC = "io.cncvision.spc..";

    /** The "may depend on" column of DESIGN.md's module table, one line per module. */
    @ArchTest
    static final ArchRule modulesDependOnlyOnWhatTheDesignAllows = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .withOptionalLayers(true)
            .layer("api").definedBy(API)
            .layer("spc").definedBy(SPC)
            .layer("command-side").definedBy("io.cncvision.command..")
            .layer("projections").definedBy("io.cncvision.projection..")
            .layer("query-side").definedBy("io.cncvision.query..")
            .layer("sagas").definedBy("io.cncvision.saga..")
            .layer("adapters-cnc").definedBy("io.cncvision.cnc..")
            .layer("adapters-vision").definedBy("io.cncvision.vision..")
            .layer("maintenance").definedBy("io.cncvision.maintenance..")
            .layer("audit-export").definedBy("io.cncvision.audit..")
            .layer("app").definedBy("io.cncvision.app..")
            .layer("bench").definedBy("io.cncvision.bench..")
            .whereLayer("api").mayNotAccessAnyLayer()
            .whereLayer("spc").mayNotAccessAnyLayer()
            .whereLayer("command-side").mayOnlyAccessLayers("api", "spc")
            .whereLayer("projections").mayOnlyAccessLayers("api", "spc")
            .whereLayer("query-side").mayOnlyAccessLayers("api", "projections")
            .whereLayer("sagas").mayOnlyAccessLayers("api")
            .whereLayer("adapters-cnc").mayOnlyAccessLayers("api")
            .whereLayer("adapters-vision").mayOnlyAccessLayers("api")
            .whereLayer("maintenance").mayOnlyAccessLayers("api")
            .whereLayer("audit-export").mayOnlyAccessLayers("api")
            // The assembly is the top: only the benchmarks build on it, and nothing builds on them.
            .whereLayer("app").mayOnlyBeAccessedByLayers("bench")
            .whereLayer("bench").mayNotBeAccessedByAnyLayer();

    /**
     * The layered rule only sees the packages it names; a class outside every module's base
     * package would slip past it, so none may exist.
     */
    @ArchTest
    static final ArchRule everyClassBelongsToAModule = classes()
            .that().resideInAPackage("io.cncvision..")
            .should().resideInAnyPackage(
                    API,
                    SPC,
                    "io.cncvision.command..",
                    "io.cncvision.projection..",
                    "io.cncvision.query..",
                    "io.cncvision.saga..",
                    "io.cncvision.cnc..",
                    "io.cncvision.vision..",
                    "io.cncvision.maintenance..",
                    "io.cncvision.audit..",
                    "io.cncvision.app..",
                    "io.cncvision.bench..")
            .allowEmptyShould(true);

    /**
     * Messages are plain records: Axon only through its annotations (so a move to Axon 5 stays
     * cheap), Jackson only through its annotations, and no Spring or JDBC.
     */
    @ArchTest
    static final ArchRule apiUsesOnlyTheJdkAndMessageAnnotations = classes()
            .that().resideInAPackage(API)
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "java..",
                    API,
                    "org.axonframework.modelling.command..",
                    "org.axonframework.serialization..",
                    "com.fasterxml.jackson.annotation..",
                    "jakarta.validation..")
            .allowEmptyShould(true);

    /** Control charts and capability are plain Java, usable by any module and any tool. */
    @ArchTest
    static final ArchRule spcIsPlainJava = classes()
            .that().resideInAPackage(SPC)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", SPC)
            .allowEmptyShould(true);

    /** Test fixtures other modules publish as test-jars (shared data readers) are tests too. */
    static final class DoNotIncludeTestJars implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("-tests.jar");
        }
    }
}
