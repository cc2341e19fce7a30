/**
 * The gateway: MQTT ingest of device messages, storage, device state and alarm rules.
 *
 * <p>For now the module's verticle is wired and started by the server and does nothing yet; its features come with
 * issue #3.
 */
package org.anxin.gateway;
