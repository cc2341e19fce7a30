package org.anxin.dispatcher.escalation;

/** A person to notify: {@code ref} names them ({@code carer:5}); a user id for the stream, a phone for the rest. */
record Recipient(String ref, String name, Long userId, String phone) {
}
