package org.anxin.dispatcher.notify;

/** The ways a notification travels: the live stream (by user id), SMS and voice (by phone number). */
public enum ChannelKind {
  STREAM, SMS, VOICE
}
