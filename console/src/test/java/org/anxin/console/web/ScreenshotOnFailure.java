package org.anxin.console.web;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/** When a browser test fails, every browser still open saves a screenshot under {@code target/browser-failures/}. */
public final class ScreenshotOnFailure implements TestExecutionExceptionHandler {

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
    try {
      Browser.saveAllFailed(context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod()
          .getName());
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
    }
    throw failure;
  }
}
