/**
 * The hotline: 12349 calls through Asterisk (FastAGI call flow, AMI events and actions).
 *
 * <p>For now the module's verticle is wired and started by the server and does nothing yet; its features come with
 * issue #7.
 */
package org.anxin.hotline;
