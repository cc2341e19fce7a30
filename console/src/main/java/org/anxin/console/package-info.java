/**
 * The console: the JSON API and pages for operators, carers, families, supervisors and admins.
 *
 * <p>For now the module's verticle is wired and started by the server and does nothing yet; its features come with
 * issue #8.
 */
package org.anxin.console;
