/**
 * The dispatcher: alarm routing and escalation ({@code escalation}), notifications and their channels
 * ({@code notify}), service orders and their providers ({@code orders}), return visits and visit checks
 * ({@code visits}) and the acknowledgement-time report ({@code report}). See docs/dispatcher.md.
 */
package org.anxin.dispatcher;
