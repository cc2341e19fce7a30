package org.anxin.dispatcher.escalation;

import org.anxin.dispatcher.notify.ChannelKind;

/** A person to notify: {@code ref} names them ({@code carer:5}); a user id for the stream, a phone for the rest. */
record Recipient(String ref, String name, Long userId, String phone) {

  /** Where the channel reaches them: the user id on the stream, the phone otherwise; null when it cannot. */
  String address(ChannelKind channel) {
    String address = channel == ChannelKind.STREAM ? (userId == null ? null : userId.toString()) : phone;
    return address == null || address.isBlank() ? null : address;
  }
}
