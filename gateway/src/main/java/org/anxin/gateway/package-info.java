/**
 * The gateway: MQTT ingest of device messages ({@code ingest}), their decoding and validation against device
 * protocol v1 ({@code decode}), batched idempotent storage ({@code store}), each device's latest state
 * ({@code state}) and the module's meters ({@code metrics}).
 */
package org.anxin.gateway;
