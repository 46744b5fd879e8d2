package org.mhbench.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package layers of docs/architecture.md, top-down: each layer uses only the layers below it.
 * A new dependency that runs backwards fails here, with the classes that make it.
 */
class LayersTest {

    static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.mhbench");
    }

    @Test
    void layersReadTopDown() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("cli").definedBy("org.mhbench.cli..")
                .layer("pipeline").definedBy("org.mhbench.run..", "org.mhbench.bench..")
                .layer("registry").definedBy("org.mhbench.experiments..")
                .layer("stages").definedBy("org.mhbench.score..", "org.mhbench.report..", "org.mhbench.paper..",
                        "org.mhbench.review..")
                .layer("experiments").definedBy("org.mhbench.stigma..", "org.mhbench.responses..")
                .layer("runfolder").definedBy("org.mhbench.runfolder..")
                .layer("judge").definedBy("org.mhbench.judge..")
                .layer("stimuli").definedBy("org.mhbench.stimuli..", "org.mhbench.transcripts..")
                .layer("generate").definedBy("org.mhbench.generate..")
                .layer("base").definedBy("org.mhbench.gguf..", "org.mhbench.stats..", "org.mhbench.util..",
                        "org.mhbench.testmodel..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("pipeline").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("registry").mayOnlyBeAccessedByLayers("cli", "pipeline")
                .whereLayer("stages").mayOnlyBeAccessedByLayers("cli", "pipeline", "registry")
                .whereLayer("experiments").mayOnlyBeAccessedByLayers("cli", "pipeline", "registry", "stages")
                .whereLayer("runfolder").mayOnlyBeAccessedByLayers("cli", "pipeline", "registry", "stages",
                        "experiments")
                .whereLayer("judge").mayOnlyBeAccessedByLayers("cli", "pipeline", "registry", "stages", "experiments",
                        "runfolder")
                .whereLayer("stimuli").mayOnlyBeAccessedByLayers("cli", "pipeline", "registry", "stages",
                        "experiments", "runfolder", "judge")
                .whereLayer("generate").mayOnlyBeAccessedByLayers("cli", "pipeline", "registry", "stages",
                        "experiments", "runfolder", "judge", "stimuli")
                .check(classes);
    }

    @Test
    void theBackendsDoNotKnowEachOther() {
        slices().matching("org.mhbench.generate.(*)..").should().notDependOnEachOther()
                .ignoreDependency(com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage(
                                "org.mhbench.generate.http..", "org.mhbench.generate.llamacpp..",
                                "org.mhbench.generate.worker.."))
                .check(classes);
    }

    /**
     * What a person sees goes through the command line (RunPipeline.Listener, a backend's notes): nothing
     * below it prints. The worker process's main (its stderr is the worker's log) and a developer's
     * measuring tool with a main of its own are the exceptions.
     */
    @Test
    void nothingBelowTheCommandLinePrints() {
        noClasses().that().resideOutsideOfPackage("org.mhbench.cli..")
                .and().doNotHaveFullyQualifiedName("org.mhbench.generate.worker.WorkerMain")
                .and().doNotHaveFullyQualifiedName("org.mhbench.generate.worker.StderrTail")
                .and().doNotHaveFullyQualifiedName("org.mhbench.judge.onnx.JudgeThroughput")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .because("notes go to a listener the command line prints (docs/architecture.md)")
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.mhbench.(*)..").should().beFreeOfCycles().check(classes);
    }
}
