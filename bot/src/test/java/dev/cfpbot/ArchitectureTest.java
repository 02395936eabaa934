package dev.cfpbot;

import static com.tngtech.archunit.base.DescribedPredicate.or;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rule of the README's "Architecture", checked on the compiled main classes of
 * storage and bot: dependencies point down, and each package uses only what is below it.
 */
@AnalyzeClasses(packages = "dev.cfpbot", importOptions = ArchitectureTest.MainClassesOnly.class)
class ArchitectureTest {

  /** The main classes: no test classes, whether in a directory or in a test jar (storage's). */
  static final class MainClassesOnly implements ImportOption {
    private final ImportOption notInTestDirectories = new ImportOption.DoNotIncludeTests();

    @Override
    public boolean includes(Location location) {
      return notInTestDirectories.includes(location) && !location.contains("-tests.jar");
    }
  }

  /** What a channel implementation may use besides its own package: the core. */
  private static final String[] CORE_FOR_CHANNELS = {
    "dev.cfpbot.channel",
    "dev.cfpbot.conversation",
    "dev.cfpbot.form",
    "dev.cfpbot.i18n",
    "dev.cfpbot.config",
    "dev.cfpbot.files",
    "dev.cfpbot.links",
    "dev.cfpbot.concurrent",
    "dev.cfpbot.domain",
    "dev.cfpbot.storage..",
  };

  /** Packages and classes that reach a disk, a network or a database. */
  private static final String[] IO_PACKAGES = {
    "java.nio.file..",
    "java.nio.channels..",
    "java.net.http..",
    "java.sql..",
    "javax.sql..",
    "okhttp3..",
    "io.javalin..",
    "org.eclipse.jetty..",
    "org.telegram..",
    "me.chanjar..",
    "org.h2..",
    "org.flywaydb..",
    "com.zaxxer..",
    "dev.cfpbot.storage..",
    "dev.cfpbot.files..",
    "dev.cfpbot.links..",
    "dev.cfpbot.channel..",
    "dev.cfpbot.process..",
    "dev.cfpbot.web..",
  };

  @ArchTest
  static final ArchRule packagesHaveNoCycles =
      slices().matching("dev.cfpbot.(**)").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule channelsUseOnlyTheCore =
      classes()
          .that()
          .resideInAPackage("dev.cfpbot.channel.*..")
          .should()
          .onlyDependOnClassesThat(
              or(
                  resideOutsideOfPackage("dev.cfpbot.."),
                  resideInAPackage("dev.cfpbot.channel.*.."),
                  resideInAnyPackage(CORE_FOR_CHANNELS)))
          .because(
              "a channel is one package behind the channel contract: it never reaches into app,"
                  + " process, organizer, privacy, schedule or web");

  @ArchTest
  static final ArchRule channelsAreFoundOnlyThroughTheRegistry =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.cfpbot.channel.*..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.cfpbot.channel.*..")
          .because("adding a channel is adding a package: nothing else names it");

  @ArchTest
  static final ArchRule channelsDoNotUseEachOther =
      slices().matching("dev.cfpbot.channel.(*)..").should().notDependOnEachOther();

  @ArchTest
  static final ArchRule theChannelContractUsesOnlyWhatIsBelowIt =
      classes()
          .that()
          .resideInAPackage("dev.cfpbot.channel")
          .should()
          .onlyDependOnClassesThat(
              or(resideOutsideOfPackage("dev.cfpbot.."), resideInAnyPackage(CORE_FOR_CHANNELS)));

  @ArchTest
  static final ArchRule theEngineDoesNoIo =
      noClasses()
          .that()
          .resideInAnyPackage("dev.cfpbot.conversation", "dev.cfpbot.form", "dev.cfpbot.i18n")
          .should()
          .dependOnClassesThat(
              or(
                  resideInAnyPackage(IO_PACKAGES),
                  resideInAnyPackage(
                      "dev.cfpbot.app..",
                      "dev.cfpbot.organizer..",
                      "dev.cfpbot.privacy..",
                      "dev.cfpbot.schedule..")))
          .because("the engine is a pure function of (state, message, now)");

  @ArchTest
  static final ArchRule theEngineUsesOnlyTheFormTextsConfigAndDomain =
      classes()
          .that()
          .resideInAPackage("dev.cfpbot.conversation")
          .should()
          .onlyDependOnClassesThat(
              or(
                  resideOutsideOfPackage("dev.cfpbot.."),
                  resideInAnyPackage(
                      "dev.cfpbot.conversation",
                      "dev.cfpbot.form",
                      "dev.cfpbot.i18n",
                      "dev.cfpbot.config",
                      "dev.cfpbot.domain")));

  @ArchTest
  static final ArchRule configFilesLinksAndThreadsUseOnlyWhatIsBelowThem =
      classes()
          .that()
          .resideInAnyPackage(
              "dev.cfpbot.config", "dev.cfpbot.concurrent", "dev.cfpbot.files", "dev.cfpbot.links")
          .should()
          .onlyDependOnClassesThat(
              or(
                  resideOutsideOfPackage("dev.cfpbot.."),
                  resideInAnyPackage(
                      "dev.cfpbot.config",
                      "dev.cfpbot.concurrent",
                      "dev.cfpbot.files",
                      "dev.cfpbot.links",
                      "dev.cfpbot.form",
                      "dev.cfpbot.i18n",
                      "dev.cfpbot.storage..",
                      "dev.cfpbot.domain")));

  @ArchTest
  static final ArchRule formAndTextsStandAlone =
      classes()
          .that()
          .resideInAnyPackage("dev.cfpbot.form", "dev.cfpbot.i18n")
          .should()
          .onlyDependOnClassesThat(
              or(
                  resideOutsideOfPackage("dev.cfpbot.."),
                  resideInAnyPackage("dev.cfpbot.form", "dev.cfpbot.i18n")));

  @ArchTest
  static final ArchRule storageDependsOnNothingAbove =
      classes()
          .that()
          .resideInAnyPackage("dev.cfpbot.storage..", "dev.cfpbot.domain..")
          .should()
          .onlyDependOnClassesThat(
              or(
                  resideOutsideOfPackage("dev.cfpbot.."),
                  resideInAnyPackage("dev.cfpbot.storage..", "dev.cfpbot.domain..")));

  @ArchTest
  static final ArchRule theDomainDependsOnNothing =
      classes()
          .that()
          .resideInAPackage("dev.cfpbot.domain..")
          .should()
          .onlyDependOnClassesThat(
              or(resideOutsideOfPackage("dev.cfpbot.."), resideInAPackage("dev.cfpbot.domain..")));

  @ArchTest
  static final ArchRule theCoreDoesNotUseTheLayersAboveIt =
      noClasses()
          .that()
          .resideInAnyPackage(
              "dev.cfpbot.process..",
              "dev.cfpbot.privacy..",
              "dev.cfpbot.schedule..",
              "dev.cfpbot.files..",
              "dev.cfpbot.links..",
              "dev.cfpbot.config..",
              "dev.cfpbot.concurrent..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.cfpbot.app..",
              "dev.cfpbot.organizer..",
              "dev.cfpbot.web..",
              "dev.cfpbot.channel.*..");

  @ArchTest
  static final ArchRule organizerAndWebStayOffChannelInternals =
      noClasses()
          .that()
          .resideInAnyPackage("dev.cfpbot.organizer..", "dev.cfpbot.web..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("dev.cfpbot.app..", "dev.cfpbot.channel.*..");

  @ArchTest
  static final ArchRule onlyTheAppUsesTheApp =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.cfpbot.app..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.cfpbot.app..");
}
