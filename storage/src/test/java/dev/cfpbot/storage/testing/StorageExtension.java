package dev.cfpbot.storage.testing;

import dev.cfpbot.storage.Storage;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstantiationAwareExtension;

/**
 * Gives each test its storage: a test (its constructor, a {@code @BeforeEach} or the test method)
 * that takes a {@link Storage} gets a fresh, empty database (see {@link TestDatabases#open()}); one
 * that takes {@link TestDatabases} may open more. Everything is closed after the test.
 *
 * <pre>
 * &#64;ExtendWith(StorageExtension.class)
 * class OutboxStoreTest {
 *   &#64;BeforeEach
 *   void setUp(Storage storage) { ... }
 * </pre>
 */
public final class StorageExtension implements ParameterResolver, TestInstantiationAwareExtension {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(StorageExtension.class);

  /** A test's constructor runs in the test's own context: its storage is the test's. */
  @Override
  public ExtensionContextScope getTestInstantiationExtensionContextScope(
      ExtensionContext rootContext) {
    return ExtensionContextScope.TEST_METHOD;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == Storage.class || type == TestDatabases.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    TestDatabases databases = databases(context);
    if (parameter.getParameter().getType() == TestDatabases.class) {
      return databases;
    }
    // One storage per test, whether the constructor, a @BeforeEach or the test asks for it.
    return context
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent("storage", key -> databases.open(), Storage.class);
  }

  private static TestDatabases databases(ExtensionContext context) {
    return context
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent("databases", key -> new TestDatabases(), TestDatabases.class);
  }
}
