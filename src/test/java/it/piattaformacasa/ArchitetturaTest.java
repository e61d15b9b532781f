package it.piattaformacasa;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Entity;
import java.util.Set;

/**
 * Module boundaries of STYLE.md «Architecture»: the process engine and the rule engine stay at the edges, feature
 * modules do not form cycles, and {@code common} is a shared kernel that knows no module.
 */
@AnalyzeClasses(packages = "it.piattaformacasa", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitetturaTest {

    private static final String BASE = "it.piattaformacasa";

    /** Top-level packages that wire modules together and may therefore depend on any of them. */
    private static final Set<String> CABLAGGIO = Set.of("config", "demo");

    @ArchTest
    static final ArchRule soloIPackageProcessDipendonoDaCamunda = noClasses()
            .that().resideOutsideOfPackage("..process..")
            .should().dependOnClassesThat().resideInAPackage("org.camunda..")
            .because("only a module's process package (delegates, listeners, the process adapter) and "
                    + "config.process talk to the Camunda engine; domain, services and web stay engine-free, "
                    + "so the engine can be tested and replaced at one edge (STYLE.md: only *.process imports "
                    + "org.camunda)")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule soloRegoleDipendeDaKie = noClasses()
            .that().resideOutsideOfPackage(BASE + ".regole..")
            .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..")
            .because("decisions go through the one port in regole (typed input → typed result + explanation); "
                    + "no other module may build or call a KIE DMNRuntime")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule iControllerNonUsanoCamunda = noClasses()
            .that().resideInAPackage(BASE + "..web..")
            .should().dependOnClassesThat().resideInAPackage("org.camunda..")
            .because("controllers never call RuntimeService/TaskService: they call a service, which calls the "
                    + "module's process adapter")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule iControllerNonUsanoIPackageProcess = noClasses()
            .that().resideInAPackage(BASE + "..web..")
            .should().dependOnClassesThat().resideInAPackage(BASE + "..process..")
            .because("controllers go through the module's services; delegates and process adapters are an "
                    + "implementation detail of the service layer")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule moduliSenzaCicli = slices()
            .matching(BASE + ".(*)..")
            .namingSlices("modulo $1")
            .that(describe("are feature modules or common (not config/demo, which are wiring)",
                    slice -> !CABLAGGIO.contains(slice.getNamePart(1))))
            .should().beFreeOfCycles()
            .because("feature modules must be understandable and testable one at a time; a cycle makes two "
                    + "modules one (config and demo are wiring and may depend on every module)")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule commonNonDipendeDaAltriPackage = noClasses()
            .that().resideInAPackage(BASE + ".common..")
            .should().dependOnClassesThat(resideInAPackage(BASE + "..")
                    .and(not(resideInAPackage(BASE + ".common..")))
                    .as("reside in another package of " + BASE))
            .because("common is the shared kernel (value types, security and web helpers) every module may use; "
                    + "if it depended on a module, config or demo, every module would depend on them too")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule nessunoDipendeDaiPackageDiCablaggio = noClasses()
            .that().resideOutsideOfPackages(BASE + ".config..", BASE + ".demo..")
            .and().resideInAPackage(BASE + ".*..")
            .should().dependOnClassesThat(resideInAnyPackage(BASE + ".config..", BASE + ".demo..")
                    .as("reside in config or demo"))
            .because("config and demo wire the modules together and are excluded from the cycle check; a "
                    + "module that depended on them would hide a cycle module → config → module")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule leEntitaStannoNelDominio = noClasses()
            .that().areAnnotatedWith(Entity.class)
            .should().resideInAnyPackage("..web..", "..process..")
            .because("JPA entities are the module's domain and live at its root (or in persistence); web exposes "
                    + "DTOs and process passes ids, so neither owns a table")
            .allowEmptyShould(false);

    /**
     * JPA does not run Bean Validation on persist ({@code jakarta.persistence.validation.mode: none}, issue 17: it built
     * a validator for every insert and found nothing to check): the API validates bodies, the database its constraints.
     * A constraint annotation on an entity would be silently ignored, so there is none.
     */
    @ArchTest
    static final ArchRule leEntitaNonHannoVincoliDiBeanValidation = noClasses()
            .that().areAnnotatedWith(Entity.class).or().areAnnotatedWith(jakarta.persistence.Embeddable.class)
            .or().areAnnotatedWith(jakarta.persistence.MappedSuperclass.class)
            .should().dependOnClassesThat().resideInAPackage("jakarta.validation..")
            .because("JPA's Bean Validation on persist is off (jakarta.persistence.validation.mode: none): such a "
                    + "constraint would never be checked")
            .allowEmptyShould(false);

    /** Guards against vacuous passes: a wrong package or import option would leave nothing to check. */
    @ArchTest
    static void leClassiImportateSonoIlCodiceDiProduzione(JavaClasses classi) {
        assertThat(classi).isNotEmpty();
        assertThat(classi.contain(BASE + ".anagrafe.Alloggio")).as("anagrafe.Alloggio importata").isTrue();
        assertThat(classi.contain(BASE + ".PiattaformaCasaApplication")).isTrue();
        assertThat(classi.contain(BASE + ".IntegrationTest")).as("le classi di test sono escluse").isFalse();
        assertThat(classi.stream().filter(c -> c.getPackageName().endsWith(".process"))
                .filter(ArchitetturaTest::dipendeDaCamunda))
                .as("almeno una classe di un package process usa Camunda, quindi la regola su org.camunda "
                        + "vede davvero le dipendenze")
                .isNotEmpty();
        assertThat(classi.stream().filter(c -> c.isAnnotatedWith(Entity.class)))
                .as("entità JPA importate")
                .isNotEmpty();
    }

    private static boolean dipendeDaCamunda(JavaClass classe) {
        return classe.getDirectDependenciesFromSelf().stream()
                .anyMatch(d -> d.getTargetClass().getPackageName().startsWith("org.camunda"));
    }
}
