package org.anxin.dispatcher.escalation;

/** Whom a step's target names; see {@code escalation_targets} in V20 and {@link RecipientSql}. */
enum RecipientKind {
  PRIMARY_CARERS, BACKUP_CARERS, VOLUNTEERS, FAMILY, OPERATORS, SUPERVISOR, ELDER
}
