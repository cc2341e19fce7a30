/**
 * The hotline: 12349 calls through Asterisk. {@code agi}: the FastAGI server and its fixed script mapping;
 * {@code ivr}: the call flows (IVR, alarm callback); {@code ami}: the managed AMI connection and its actions;
 * {@code calls}: call records, live state and screen pops; {@code care}: proactive care calls. See docs/hotline.md.
 */
package org.anxin.hotline;
