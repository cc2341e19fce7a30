package org.anxin.dispatcher.escalation;

import org.anxin.dispatcher.notify.Notification;
import org.anxin.infra.bus.dispatch.AlarmView;

import java.util.List;

/**
 * One escalation step, committed: the alarm after it, the notifications written for it (to be delivered now) and
 * whether it raised the supervisor flag.
 */
record StepTaken(AlarmView alarm, int step, boolean repeat, boolean flaggedNow, List<Notification> notifications) {
}
