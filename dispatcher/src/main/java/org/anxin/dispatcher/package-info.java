/**
 * The dispatcher: alarm routing and escalation, notifications, service orders and their providers.
 *
 * <p>For now the module's verticle is wired and started by the server and does nothing yet; its features come with
 * issue #6.
 */
package org.anxin.dispatcher;
