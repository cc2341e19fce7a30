package org.anxin.gateway.rules;

import org.anxin.infra.alarm.AlarmSubject;
import org.anxin.infra.alarm.AlarmType;
import org.anxin.infra.alarm.ClearRequest;
import org.anxin.infra.alarm.DeviceCommand;
import org.anxin.infra.alarm.RaiseRequest;

/**
 * Gives an alarm raised without a position (an SOS from a home terminal, a fall detected without a fix) the elder's
 * last known position, saying in its details where that came from.
 */
final class PositionedActions implements RuleActions {

  private final RuleActions actions;
  private final Liveness liveness;

  PositionedActions(RuleActions actions, Liveness liveness) {
    this.actions = actions;
    this.liveness = liveness;
  }

  @Override
  public void raise(RaiseRequest r) {
    Liveness.Fix fix = r.lat() == null ? liveness.lastFix(r.subject().elderId()) : null;
    actions.raise(fix == null ? r : new RaiseRequest(r.key(), r.subject(), r.type(), r.priority(), r.source(), r.at(),
        fix.lat(), fix.lon(), r.details().copy().put("positionFrom", "last fix at " + fix.at())));
  }

  @Override
  public void clear(ClearRequest request) {
    actions.clear(request);
  }

  @Override
  public void command(DeviceCommand command) {
    actions.command(command);
  }

  @Override
  public boolean isOpen(AlarmSubject subject, AlarmType type) {
    return actions.isOpen(subject, type);
  }
}
