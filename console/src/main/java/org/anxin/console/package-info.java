/**
 * The console: the JSON API and live stream for operators, carers, families, supervisors and admins
 * ({@code org.anxin.console.api}, {@code .auth}, {@code .stream}, {@code .audit}, SQL in {@code .sql}); the pages
 * ({@code org.anxin.console.web} and {@code webroot}) build on it.
 */
package org.anxin.console;
