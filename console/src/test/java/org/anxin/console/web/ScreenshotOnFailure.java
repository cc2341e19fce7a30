package org.anxin.console.web;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * When a browser test or its set-up fails, every browser still open saves a screenshot and its console log under
 * {@code target/browser-failures/}.
 */
public final class ScreenshotOnFailure implements TestExecutionExceptionHandler,
    LifecycleMethodExecutionExceptionHandler {

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
    save(context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName(), failure);
  }

  @Override
  public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
    save(context.getRequiredTestClass().getSimpleName() + "-setup", failure);
  }

  private static void save(String name, Throwable failure) throws Throwable {
    try {
      Browser.saveAllFailed(name);
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
    }
    throw failure;
  }
}
