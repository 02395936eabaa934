package dev.cfpbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WarmupTest {
  @Test
  void list_namesOnlyClassesThisBuildHas() {
    List<String> names = Warmup.names();
    List<String> missing = names.stream().filter(WarmupTest::absent).toList();

    assertThat(names).hasSizeGreaterThan(2000).contains("org.h2.Driver", "okhttp3.OkHttpClient");
    assertThat(missing).as("make the list again (see its header)").isEmpty();
  }

  @Test
  void initialiseTls_makesTheJdksDefaultContext() {
    assertThat(Warmup.initialiseTls()).isTrue();
    Warmup.done();
  }

  private static boolean absent(String name) {
    try {
      Class.forName(name, false, WarmupTest.class.getClassLoader());
      return false;
    } catch (ClassNotFoundException | LinkageError e) {
      return true;
    }
  }
}
